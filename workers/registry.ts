import type { Job } from 'bullmq';
import type { Transporter } from 'nodemailer';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../server/config/config.js';
import { markCertificateFailed } from '../server/db/repositories/certificates.repository.js';
import { markPortfolioFailed } from '../server/db/repositories/cpd-activities.repository.js';
import { markEmailFailed } from '../server/db/repositories/email-delivery.repository.js';
import type { JobName, JobPayload, Queues } from '../server/jobs/registry.js';
import type { EvidenceStore } from '../server/storage/evidence-store.js';
import { createCertificateSweepHandler } from './certificates/certificate-sweep.handler.js';
import { createCertificateHandler } from './certificates/certificate.handler.js';
import { createEmailHandler } from './email/email.handler.js';
import { createOutboxSweepHandler } from './email/outbox-sweep.handler.js';
import { createConceptCleanupHandler } from './housekeeping/concept-cleanup.handler.js';
import { createPortfolioHandler } from './portfolio/portfolio.handler.js';

/** What a worker process hands its handlers. */
export interface WorkerDeps {
  db: DataSource;
  queues: Queues;
  mailer: Transporter;
  evidence: EvidenceStore;
  config: AppConfig;
  logger: Logger;
}

/** The worker's half of a job definition (server/jobs/registry.ts has the other half). */
export interface JobBehaviour<N extends JobName> {
  /** Builds the job's processor once per worker process. It validates its payload and rethrows transient errors. */
  handler(deps: WorkerDeps): (job: Job) => Promise<unknown>;
  /** Runs once the job has failed for good: after its last attempt, or at once on UnrecoverableError. */
  onFinalFailure?(deps: WorkerDeps, payload: JobPayload<N>, error: Error): Promise<void>;
}

/** Every job has its behaviour here: a job definition without one does not compile. */
export const JOB_BEHAVIOUR: { readonly [N in JobName]: JobBehaviour<N> } = {
  'email.send': {
    handler: (d) => createEmailHandler({ db: d.db, mailer: d.mailer, from: d.config.mailFrom, publicUrl: d.config.publicUrl, logger: d.logger }),
    // A row that is still not sent is marked failed so staff can see it.
    onFinalFailure: (d, { outboxId }, error) => markEmailFailed(d.db, outboxId, error.message),
  },
  'certificate.render': {
    handler: (d) => createCertificateHandler({ db: d.db, publicUrl: d.config.publicUrl, logger: d.logger }),
    // A revision that is still not rendered is marked failed; the registrant's status shows it, a sweep never retries it.
    onFinalFailure: (d, { certificateId }, error) => markCertificateFailed(d.db, certificateId, error.message),
  },
  'portfolio.render': {
    handler: (d) => createPortfolioHandler({ db: d.db, logger: d.logger }),
    // An export that is still not rendered is marked failed; the registrant's poll shows it and may ask again.
    onFinalFailure: (d, { exportId }, error) => markPortfolioFailed(d.db, exportId, error.message),
  },
  'outbox.sweep': { handler: (d) => createOutboxSweepHandler({ db: d.db, queues: d.queues }) },
  'certificate.sweep': { handler: (d) => createCertificateSweepHandler({ db: d.db, queues: d.queues, logger: d.logger }) },
  'concept.cleanup': { handler: (d) => createConceptCleanupHandler({ db: d.db, queues: d.queues, evidence: d.evidence, logger: d.logger }) },
};
