import { Queue, type ConnectionOptions, type DefaultJobOptions } from 'bullmq';
import { Redis } from 'ioredis';
import { z } from 'zod';

/** Queue names and job contracts shared by the API (producer) and workers (consumers). Jobs carry ids only. */
export const QUEUE_NAMES = { email: 'email', maintenance: 'maintenance' } as const;

export const emailJobSchema = z.strictObject({ outboxId: z.uuid() });
export type EmailJob = z.infer<typeof emailJobSchema>;

/** Deterministic: one outbox row, one job id, so a re-enqueue never makes a second job. */
export const emailJobId = (outboxId: string): string => `email-${outboxId}`;

export const MAINTENANCE_JOBS = { outboxSweep: 'outbox-sweep', certificateSweep: 'certificate-sweep', conceptCleanup: 'concept-cleanup' } as const;

/** How often each maintenance job runs; upserted at every worker start. */
export const MAINTENANCE_SCHEDULES: ReadonlyArray<{ name: (typeof MAINTENANCE_JOBS)[keyof typeof MAINTENANCE_JOBS]; everyMs: number }> = [
  { name: MAINTENANCE_JOBS.outboxSweep, everyMs: 60_000 },
  { name: MAINTENANCE_JOBS.certificateSweep, everyMs: 60_000 },
  { name: MAINTENANCE_JOBS.conceptCleanup, everyMs: 60 * 60_000 },
];

/** Failed jobs are kept for inspection by age and count, never forever. */
export const DEFAULT_JOB_OPTIONS: DefaultJobOptions = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 5_000 },
  removeOnComplete: { age: 7 * 24 * 3600, count: 10_000 },
  removeOnFail: { age: 30 * 24 * 3600, count: 10_000 },
};

export function createRedis(url: string, name: string): Redis {
  // maxRetriesPerRequest null is what BullMQ requires for blocking connections.
  return new Redis(url, { maxRetriesPerRequest: null, connectionName: name, lazyConnect: false });
}

export function createEmailQueue(connection: ConnectionOptions): Queue {
  return new Queue(QUEUE_NAMES.email, { connection, defaultJobOptions: DEFAULT_JOB_OPTIONS });
}

export async function enqueueEmail(queue: Queue, outboxId: string): Promise<void> {
  const data: EmailJob = { outboxId };
  await queue.add('send', data, { jobId: emailJobId(outboxId) });
}
