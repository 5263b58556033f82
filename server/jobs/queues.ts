import type { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import type { z } from 'zod';
import { DEFAULT_JOB_OPTIONS, enqueueOn, JOBS } from './registry.js';

/** Mail delivery through the outbox. The definitions live in ./registry.ts; these are shorthands for its callers. */
export { DEFAULT_JOB_OPTIONS };

export const emailJobSchema = JOBS['email.send'].payload;
export type EmailJob = z.infer<typeof emailJobSchema>;

/** Deterministic: one outbox row, one job id, so a re-enqueue never makes a second job. */
export const emailJobId = (outboxId: string): string => JOBS['email.send'].jobId({ outboxId });

/** Same as enqueue(queues, 'email.send', { outboxId }). */
export async function enqueueEmail(queue: Queue, outboxId: string): Promise<void> {
  await enqueueOn(queue, 'email.send', { outboxId });
}

export function createRedis(url: string, name: string): Redis {
  // maxRetriesPerRequest null is what BullMQ requires for blocking connections.
  return new Redis(url, { maxRetriesPerRequest: null, connectionName: name, lazyConnect: false });
}
