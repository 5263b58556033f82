import type { Logger } from 'pino';
import type { AppConfig } from './config/config.js';
import { AccountsService } from './modules/accounts/accounts.service.js';
import { AccreditationsService } from './modules/accreditations/accreditations.service.js';
import { ApplicationReader } from './modules/applications/application-reader.js';
import { ApplicationsService } from './modules/applications/applications.service.js';
import { AuditService } from './modules/audit/audit.service.js';
import { CertificatesService } from './modules/certificates/certificates.service.js';
import { CpdActivitiesService } from './modules/cpd-activities/cpd-activities.service.js';
import { HealthService } from './modules/health/health.service.js';
import { OrganisationsService } from './modules/organisations/organisations.service.js';
import { PublicRegisterService } from './modules/public-register/public-register.service.js';
import { StaffApplicationsService } from './modules/staff-applications/staff-applications.service.js';
import { StaffCpdService } from './modules/staff-cpd/staff-cpd.service.js';
import type { Runtime } from './runtime.js';
import { EvidenceStore } from './storage/evidence-store.js';

export type Services = ReturnType<typeof buildServices>;

/**
 * The composition root: every service, built once from the runtime (data source, Redis, queues), the config and
 * the logger. The server and the workers both take their services from here; no service builds another.
 */
export function buildServices(runtime: Pick<Runtime, 'dataSource' | 'redis' | 'queues'>, config: AppConfig, logger: Logger) {
  const db = runtime.dataSource;
  const evidence = new EvidenceStore(config.evidenceDir);
  const publicRegister = new PublicRegisterService(db);
  const applicationReader = new ApplicationReader({ db, evidence, queues: runtime.queues, logger });
  return {
    evidence,
    accounts: new AccountsService(db, runtime.queues, logger),
    audit: new AuditService(db),
    health: new HealthService(db, runtime.redis),
    publicRegister,
    certificates: new CertificatesService(db, publicRegister),
    applications: new ApplicationsService(applicationReader),
    staffApplications: new StaffApplicationsService(applicationReader),
    staffCpd: new StaffCpdService({ db, evidence, queues: runtime.queues, logger }),
    accreditations: new AccreditationsService({ db, queues: runtime.queues, logger }),
    organisations: new OrganisationsService({ db, queues: runtime.queues, logger }),
    cpdActivities: new CpdActivitiesService({ db, evidence, queues: runtime.queues, logger }),
  };
}
