import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { MIGRATIONS } from '../../migrations/index.js';
import { AccountEntity, AccountRoleEntity } from './entities/account.entity.js';
import { AuditEventEntity } from './entities/audit-event.entity.js';
import { CertificateEntity, CertificateRefreshRequestEntity } from './entities/certificate.entity.js';
import { EmailOutboxEntity } from './entities/email-outbox.entity.js';
import { EvidenceFileEntity } from './entities/evidence-file.entity.js';
import { HttpSessionEntity } from './entities/http-session.entity.js';
import { MeasureEntity, MeasureTypeEntity } from './entities/measure.entity.js';
import { ApiTokenEntity, OrganisationEntity, OrganisationInvitationEntity, OrganisationMemberEntity } from './entities/organisation.entity.js';
import {
  AccreditationCompetenceEntity,
  AccreditationDecisionEntity,
  AccreditationEntity,
  AccreditationObjectionEntity,
  AccreditationRequestedVariantEntity,
  AccreditationRunEntity,
  AccreditationVariantEntity,
  AttendanceUploadEntity,
  AttendanceUploadRowEntity,
} from './entities/accreditation.entity.js';
import { CompetenceEntity } from './entities/competence.entity.js';
import { CpdActivityCompetenceEntity, CpdActivityEntity, CpdEvidenceFileEntity, PortfolioExportEntity } from './entities/cpd-activity.entity.js';
import { PersonEntity } from './entities/person.entity.js';
import { RegisterEntity } from './entities/register.entity.js';
import {
  RegistrationEntity,
  RegistrationStatusChangeEntity,
  RegistrationStatusEntity,
  RegistrationTransitionEntity,
} from './entities/registration.entity.js';
import { VariantEntity } from './entities/variant.entity.js';

/** An entity for every table of the migrations; tests/integration/schema.int.test.ts keeps TypeORM's diff at zero. */
export const ENTITIES = [
  RegisterEntity,
  VariantEntity,
  RegistrationStatusEntity,
  RegistrationTransitionEntity,
  PersonEntity,
  AccountEntity,
  AccountRoleEntity,
  OrganisationEntity,
  OrganisationMemberEntity,
  RegistrationEntity,
  RegistrationStatusChangeEntity,
  MeasureTypeEntity,
  MeasureEntity,
  AuditEventEntity,
  EmailOutboxEntity,
  HttpSessionEntity,
  EvidenceFileEntity,
  CertificateEntity,
  CertificateRefreshRequestEntity,
  CompetenceEntity,
  OrganisationInvitationEntity,
  ApiTokenEntity,
  AccreditationEntity,
  AccreditationVariantEntity,
  AccreditationCompetenceEntity,
  AccreditationDecisionEntity,
  AccreditationObjectionEntity,
  AccreditationRequestedVariantEntity,
  AccreditationRunEntity,
  AttendanceUploadEntity,
  AttendanceUploadRowEntity,
  CpdActivityEntity,
  CpdActivityCompetenceEntity,
  CpdEvidenceFileEntity,
  PortfolioExportEntity,
];

export function createDataSource(databaseUrl: string, options: { poolSize?: number; applicationName?: string } = {}): DataSource {
  return new DataSource({
    type: 'postgres',
    url: databaseUrl,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migrations',
    synchronize: false,
    migrationsRun: false,
    // The schema is the migrations' alone: no extension installed on connect, and TypeORM's idea of a uuid
    // default is the built-in gen_random_uuid() the migrations use.
    installExtensions: false,
    uuidExtension: 'pgcrypto',
    logging: false,
    poolSize: options.poolSize ?? 10,
    applicationName: options.applicationName ?? 'vakregister',
    extra: { connectionTimeoutMillis: 5000, statement_timeout: 30000 },
  });
}

/** Key of the Postgres advisory lock held while migrations run, so two migrators never race. */
const MIGRATION_LOCK_KEY = 7_202_611;

export async function runMigrations(dataSource: DataSource): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await runner.release();
  }
}
