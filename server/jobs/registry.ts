import { Queue, type ConnectionOptions, type DefaultJobOptions, type JobSchedulerTemplateOptions, type JobsOptions } from 'bullmq';
import { z } from 'zod';

/**
 * Every job, declared once: its queue, its payload (ids only), its deterministic job id or its schedule. The API
 * enqueues from these definitions; workers/registry.ts gives each one its handler and failure behaviour (a job
 * without a handler does not compile there), and the worker process starts what is listed here.
 */

/** Transient errors are retried with backoff; failed jobs are kept for inspection by age and count, never forever. */
export const DEFAULT_JOB_OPTIONS: DefaultJobOptions = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 5_000 },
  removeOnComplete: { age: 7 * 24 * 3600, count: 10_000 },
  removeOnFail: { age: 30 * 24 * 3600, count: 10_000 },
};

/** One Queue (and one Worker) per entry; concurrency is how many jobs of that queue one worker process runs at once. */
export const QUEUES = {
  email: { concurrency: 4 },
  certificates: { concurrency: 2 },
  maintenance: { concurrency: 1 },
} as const satisfies Record<string, { concurrency: number }>;
export type QueueName = keyof typeof QUEUES;
export const QUEUE_NAMES = Object.keys(QUEUES) as QueueName[];

/** The payload of a scheduled job: it carries nothing, it scans for its work. */
export const noPayload = z.strictObject({});

interface EnqueuedJobDefinition<S extends z.ZodType> {
  queue: QueueName;
  payload: S;
  /** Same payload, same id: a second enqueue of the same work is a no-op while the first job exists. */
  jobId(payload: z.output<S>): string;
  options?: JobsOptions;
  schedule?: undefined;
}

interface ScheduledJobDefinition {
  queue: QueueName;
  payload: typeof noPayload;
  /** Upserted at every worker start (upsertJobScheduler), so several worker processes and restarts are idempotent. */
  schedule: { everyMs: number };
  options?: JobSchedulerTemplateOptions;
  jobId?: undefined;
}

/** Scans run often; keep a short history of them, by age and count. */
const SCHEDULED_JOB_OPTIONS: JobSchedulerTemplateOptions = {
  removeOnComplete: { age: 24 * 3600, count: 100 },
  removeOnFail: { age: 7 * 24 * 3600, count: 100 },
};

const enqueued = <S extends z.ZodType>(definition: EnqueuedJobDefinition<S>): EnqueuedJobDefinition<S> => definition;
const scheduled = (queue: QueueName, everyMs: number): ScheduledJobDefinition => ({
  queue,
  payload: noPayload,
  schedule: { everyMs },
  options: SCHEDULED_JOB_OPTIONS,
});

export const JOBS = {
  /** Sends one outbox row (claimed in the database, sent after commit, marked sent). */
  'email.send': enqueued({ queue: 'email', payload: z.strictObject({ outboxId: z.uuid() }), jobId: (p) => `email-${p.outboxId}` }),
  /** Renders one certificate revision into its row. */
  'certificate.render': enqueued({ queue: 'certificates', payload: z.strictObject({ certificateId: z.uuid() }), jobId: (p) => `certificate-${p.certificateId}` }),
  /** Renders one portfolio export (a registrant's CPD as PDF) into its row. */
  'portfolio.render': enqueued({ queue: 'certificates', payload: z.strictObject({ exportId: z.uuid() }), jobId: (p) => `portfolio-${p.exportId}` }),
  /** Re-enqueues outbox rows whose job was lost. */
  'outbox.sweep': scheduled('maintenance', 60_000),
  /** Re-enqueues lost renders and issues revisions where a certified fact changed. */
  'certificate.sweep': scheduled('maintenance', 60_000),
  /** Warns about and later deletes concepts that were never submitted. */
  'concept.cleanup': scheduled('maintenance', 60 * 60_000),
} as const;

export type JobName = keyof typeof JOBS;
export const JOB_NAMES = Object.keys(JOBS) as JobName[];
export type JobPayload<N extends JobName> = z.output<(typeof JOBS)[N]['payload']>;
/** The jobs a producer may enqueue by hand: those with a deterministic id (scheduled ones come from their scheduler). */
export type EnqueuedJobName = { [N in JobName]: (typeof JOBS)[N] extends { jobId: (payload: never) => string } ? N : never }[JobName];

export function isJobName(name: string): name is JobName {
  return Object.hasOwn(JOBS, name);
}

export type Queues = Readonly<Record<QueueName, Queue>>;

/** One Queue per queue name, all over the given connection (BullMQ never closes a connection it was handed). */
export function createQueues(connection: ConnectionOptions): Queues {
  return Object.fromEntries(QUEUE_NAMES.map((name) => [name, new Queue(name, { connection, defaultJobOptions: DEFAULT_JOB_OPTIONS })])) as Record<QueueName, Queue>;
}

/** Validates the payload and adds the job under its deterministic id. Call it after the transaction that made the work commits. */
export async function enqueue<N extends EnqueuedJobName>(queues: Queues, name: N, payload: JobPayload<N>): Promise<void> {
  await enqueueOn(queues[JOBS[name].queue], name, payload);
}

/** The same, on one Queue (for callers that were handed a single queue); refuses a queue the job does not belong to. */
export async function enqueueOn<N extends EnqueuedJobName>(queue: Queue, name: N, payload: JobPayload<N>): Promise<void> {
  const definition: EnqueuedJobDefinition<z.ZodType> = JOBS[name];
  if (queue.name !== definition.queue) throw new Error(`job ${name} belongs on queue ${definition.queue}, not ${queue.name}`);
  const data = definition.payload.parse(payload);
  await queue.add(name, data, { ...definition.options, jobId: definition.jobId(data) });
}
