import { UnrecoverableError, Worker, type Job, type Queue } from 'bullmq';
import nodemailer from 'nodemailer';
import type { Logger } from 'pino';
import type { AppConfig } from '../server/config/config.js';
import { createRedis } from '../server/jobs/redis.js';
import { isJobName, JOB_NAMES, JOBS, QUEUE_NAMES, QUEUES, type JobName } from '../server/jobs/registry.js';
import type { Runtime } from '../server/runtime.js';
import { buildServices } from '../server/services.js';
import { jobPayload } from './job-payload.js';
import { JOB_BEHAVIOUR, type JobBehaviour, type WorkerDeps } from './registry.js';

export interface WorkerSet {
  close(deadlineMs: number): Promise<void>;
}

/** Whether the registry declares a job of this name on this queue. */
function isDeclaredOn(queueName: string, name: string): name is JobName {
  return isJobName(name) && JOBS[name].queue === queueName;
}

/** Whether this failure was the job's last: BullMQ retries no further. */
export function isFinalFailure(job: Job, error: Error): boolean {
  return error instanceof UnrecoverableError || error.name === 'UnrecoverableError' || job.attemptsMade >= (job.opts.attempts ?? 1);
}

/** Schedules are upserted at boot: idempotent across restarts and several worker processes. Schedulers no job declares any more are removed. */
async function upsertSchedules(queues: Runtime['queues'], logger: Logger): Promise<void> {
  for (const queueName of QUEUE_NAMES) {
    const queue: Queue = queues[queueName];
    const wanted = new Set<string>();
    for (const name of JOB_NAMES) {
      const definition = JOBS[name];
      if (definition.queue !== queueName || !definition.schedule) continue;
      wanted.add(name);
      await queue.upsertJobScheduler(name, { every: definition.schedule.everyMs }, { name, data: {}, opts: definition.options });
    }
    for (const scheduler of await queue.getJobSchedulers()) {
      if (wanted.has(scheduler.key)) continue;
      await queue.removeJobScheduler(scheduler.key);
      logger.info({ queue: queueName, scheduler: scheduler.key }, 'retired job scheduler removed');
    }
  }
}

/**
 * Starts one worker per queue of the job registry, dispatching by job name, and upserts the schedules.
 * Used by workers/main.ts and the tests. close() stops intake and drains within a deadline; the caller then
 * closes the runtime (queues, Redis, data source).
 */
export async function startWorkers(config: AppConfig, runtime: Runtime, logger: Logger): Promise<WorkerSet> {
  const mailer = nodemailer.createTransport(config.smtpUrl);
  const services = buildServices(runtime, config, logger);
  const deps: WorkerDeps = { db: runtime.dataSource, queues: runtime.queues, mailer, evidence: services.evidence, config, logger };
  const processors = Object.fromEntries(JOB_NAMES.map((name) => [name, JOB_BEHAVIOUR[name].handler(deps)])) as Record<JobName, (job: Job) => Promise<unknown>>;

  await upsertSchedules(runtime.queues, logger);

  // One shared failure step: the job's own onFinalFailure, once it will not be retried. close() waits for those
  // still running, so a shutdown right after a failure does not lose its mark.
  const recording = new Set<Promise<void>>();
  const onFailed = (job: Job | undefined, error: Error) => {
    logger.warn({ queue: job?.queueName, job: job?.name, jobId: job?.id, attemptsMade: job?.attemptsMade, err: error.message }, 'job failed');
    // A job the registry does not declare on its queue was never ours to run: it names no row to mark.
    if (!job || !isFinalFailure(job, error) || !isDeclaredOn(job.queueName, job.name)) return;
    const behaviour: JobBehaviour<JobName> = JOB_BEHAVIOUR[job.name];
    if (!behaviour.onFinalFailure) return;
    const payload = JOBS[job.name].payload.safeParse(job.data);
    // An invalid payload names no row to mark.
    if (!payload.success) return;
    const recorded = behaviour
      .onFinalFailure(deps, payload.data, error)
      .catch((err: unknown) => logger.error({ err, job: job.name, jobId: job.id }, 'final failure of a job could not be recorded'))
      .finally(() => recording.delete(recorded));
    recording.add(recorded);
  };

  const started: Array<{ worker: Worker; connection: ReturnType<typeof createRedis> }> = [];
  const queuesWithJobs = QUEUE_NAMES.filter((queueName) => JOB_NAMES.some((name) => JOBS[name].queue === queueName));
  for (const queueName of queuesWithJobs) {
    // BullMQ does not close a connection it was handed, so close() disconnects it itself.
    const connection = createRedis(config.redisUrl, `vakregister-worker-${queueName}`);
    connection.on('error', (err) => logger.warn({ err: err.message, queue: queueName }, 'redis connection error'));
    const worker = new Worker(
      queueName,
      async (job: Job) => {
        // An unknown job fails for good: no retry can make it known.
        if (!isDeclaredOn(queueName, job.name)) throw new UnrecoverableError(`unknown job ${job.name} on queue ${queueName}`);
        // Validated here for every job, scheduled ones included; handlers that read the payload parse it again, typed.
        jobPayload(job.name, job);
        return processors[job.name](job);
      },
      { connection, concurrency: QUEUES[queueName].concurrency },
    );
    worker.on('failed', onFailed);
    worker.on('error', (err) => logger.warn({ err: err.message, queue: queueName }, 'worker error'));
    started.push({ worker, connection });
  }

  return {
    async close(deadlineMs: number) {
      const closing = Promise.all(started.map(({ worker, connection }) => worker.close().then(() => connection.disconnect()))).then(() => Promise.all(recording));
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
