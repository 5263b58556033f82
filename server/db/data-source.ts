import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { CreateCoreSchema1763800000000 } from '../../migrations/1763800000000-CreateCoreSchema.js';
import { SeedRegisterSociaalWerk1763800000001 } from '../../migrations/1763800000001-SeedRegisterSociaalWerk.js';
import { CreateApplicationsEvidenceCertificates1763800000002 } from '../../migrations/1763800000002-CreateApplicationsEvidenceCertificates.js';
import { IndexPublicSearch1763800000003 } from '../../migrations/1763800000003-IndexPublicSearch.js';
import { PublicListingFlag1763800000004 } from '../../migrations/1763800000004-PublicListingFlag.js';
import { CertificateRefreshRequests1763800000005 } from '../../migrations/1763800000005-CertificateRefreshRequests.js';
import { RegisterEvidenceLimit1763800000006 } from '../../migrations/1763800000006-RegisterEvidenceLimit.js';
import { CorrectReregistrationDeadline1796117700000 } from '../../migrations/1796117700000-CorrectReregistrationDeadline.js';
import { AccountEntity, AccountRoleEntity } from './entities/account.entity.js';
import { AuditEventEntity } from './entities/audit-event.entity.js';
import { EmailOutboxEntity } from './entities/email-outbox.entity.js';
import { MeasureEntity, MeasureTypeEntity } from './entities/measure.entity.js';
import { OrganisationEntity, OrganisationMemberEntity } from './entities/organisation.entity.js';
import { PersonEntity } from './entities/person.entity.js';
import { RegisterEntity } from './entities/register.entity.js';
import { RegistrationEntity, RegistrationStatusChangeEntity, RegistrationTransitionEntity } from './entities/registration.entity.js';
import { VariantEntity } from './entities/variant.entity.js';

export const ENTITIES = [
  RegisterEntity,
  VariantEntity,
  PersonEntity,
  AccountEntity,
  AccountRoleEntity,
  OrganisationEntity,
  OrganisationMemberEntity,
  RegistrationEntity,
  RegistrationStatusChangeEntity,
  RegistrationTransitionEntity,
  MeasureTypeEntity,
  MeasureEntity,
  AuditEventEntity,
  EmailOutboxEntity,
];

/** Listed explicitly (no globs) so the same list works under tsx and from compiled dist/. */
export const MIGRATIONS = [
  CreateCoreSchema1763800000000,
  SeedRegisterSociaalWerk1763800000001,
  CreateApplicationsEvidenceCertificates1763800000002,
  IndexPublicSearch1763800000003,
  PublicListingFlag1763800000004,
  CertificateRefreshRequests1763800000005,
  RegisterEvidenceLimit1763800000006,
  CorrectReregistrationDeadline1796117700000,
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
