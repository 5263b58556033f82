import { Worker, type Job } from 'bullmq';
import nodemailer from 'nodemailer';
import type { Logger } from 'pino';
import type { AppConfig } from '../server/config/config.js';
import { createRedis, DEFAULT_JOB_OPTIONS, emailJobSchema, MAINTENANCE_JOBS, MAINTENANCE_SCHEDULES, QUEUE_NAMES } from '../server/jobs/queues.js';
import { Queue } from 'bullmq';
import type { Runtime } from '../server/runtime.js';
import { createEmailHandler } from './email/email.handler.js';
import { markEmailFailed } from '../server/db/repositories/email-delivery.repository.js';
import { createOutboxSweepHandler } from './email/outbox-sweep.handler.js';
import { createConceptCleanupHandler } from './housekeeping/concept-cleanup.handler.js';
import { EvidenceStore } from '../server/storage/evidence-store.js';
import { certificateJobSchema, CERTIFICATE_QUEUE } from '../server/jobs/certificates.js';
import { markCertificateFailed } from '../server/db/repositories/certificates.repository.js';
import { createCertificateHandler } from './certificates/certificate.handler.js';
import { createCertificateSweepHandler } from './certificates/certificate-sweep.handler.js';

export interface WorkerSet {
  close(deadlineMs: number): Promise<void>;
}

/** Starts every worker of this process and upserts the schedules. Used by workers/main.ts and the tests. */
export async function startWorkers(config: AppConfig, runtime: Runtime, logger: Logger): Promise<WorkerSet> {
  const mailer = nodemailer.createTransport(config.smtpUrl);
  const emailHandler = createEmailHandler({ db: runtime.dataSource, mailer, from: config.mailFrom, publicUrl: config.publicUrl, logger });
  const emailWorker = new Worker(QUEUE_NAMES.email, emailHandler, {
    connection: createRedis(config.redisUrl, 'vakregister-worker-email'),
    concurrency: 4,
  });
  emailWorker.on('failed', (job: Job | undefined, err) => {
    logger.warn({ jobId: job?.id, attemptsMade: job?.attemptsMade, err: err.message }, 'email job failed');
    const attempts = job?.opts.attempts ?? 1;
    if (job && (job.attemptsMade >= attempts || err.name === 'UnrecoverableError')) {
      const parsed = emailJobSchema.safeParse(job.data);
      if (parsed.success) void markEmailFailed(runtime.dataSource, parsed.data.outboxId, err.message).catch(() => undefined);
    }
  });

  const maintenanceQueue = new Queue(QUEUE_NAMES.maintenance, { connection: createRedis(config.redisUrl, 'vakregister-maintenance-queue'), defaultJobOptions: DEFAULT_JOB_OPTIONS });
  // Schedules are upserted at boot: idempotent across restarts and several worker processes.
  for (const { name, everyMs } of MAINTENANCE_SCHEDULES) {
    await maintenanceQueue.upsertJobScheduler(name, { every: everyMs }, { name, opts: { removeOnComplete: { count: 100 }, removeOnFail: { count: 100 } } });
  }
  const sweep = createOutboxSweepHandler({ db: runtime.dataSource, emailQueue: runtime.emailQueue });
  const certificateSweep = createCertificateSweepHandler({ db: runtime.dataSource, certificateQueue: runtime.certificateQueue, logger });
  const conceptCleanup = createConceptCleanupHandler({ db: runtime.dataSource, emailQueue: runtime.emailQueue, evidence: new EvidenceStore(config.evidenceDir), logger });
  const maintenanceWorker = new Worker(
    QUEUE_NAMES.maintenance,
    async (job: Job) => {
      switch (job.name) {
        case MAINTENANCE_JOBS.outboxSweep:
          return sweep();
        case MAINTENANCE_JOBS.certificateSweep:
          return certificateSweep();
        case MAINTENANCE_JOBS.conceptCleanup:
          return conceptCleanup();
        default:
          throw new Error(`unknown maintenance job ${job.name}`);
      }
    },
    { connection: createRedis(config.redisUrl, 'vakregister-worker-maintenance'), concurrency: 1 },
  );
  const certificateHandler = createCertificateHandler({ db: runtime.dataSource, publicUrl: config.publicUrl, logger });
  // BullMQ does not close a connection it was handed, so close() disconnects this one itself.
  const certificateConnection = createRedis(config.redisUrl, 'vakregister-worker-certificates');
  const certificateWorker = new Worker(CERTIFICATE_QUEUE, certificateHandler, { connection: certificateConnection, concurrency: 2 });
  certificateWorker.on('failed', (job: Job | undefined, err) => {
    logger.warn({ jobId: job?.id, attemptsMade: job?.attemptsMade, err: err.message }, 'certificate job failed');
    const attempts = job?.opts.attempts ?? 1;
    if (job && (job.attemptsMade >= attempts || err.name === 'UnrecoverableError')) {
      const parsed = certificateJobSchema.safeParse(job.data);
      if (parsed.success) void markCertificateFailed(runtime.dataSource, parsed.data.certificateId, err.message).catch(() => undefined);
    }
  });
  certificateWorker.on('error', (err) => logger.warn({ err: err.message }, 'worker error'));
  for (const w of [emailWorker, maintenanceWorker]) w.on('error', (err) => logger.warn({ err: err.message }, 'worker error'));

  return {
    async close(deadlineMs: number) {
      const closing = Promise.all([emailWorker.close(), maintenanceWorker.close(), certificateWorker.close().then(() => certificateConnection.disconnect())]).then(() => maintenanceQueue.close());
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`workers did not drain within ${deadlineMs} ms`)), deadlineMs);
      });
      try {
        await Promise.race([closing, timeout]);
      } finally {
        clearTimeout(timer);
        mailer.close();
      }
    },
  };
}
