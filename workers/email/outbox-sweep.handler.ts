import type { Queue } from 'bullmq';
import type { DataSource } from 'typeorm';
import { lockEmailsToResend } from '../../server/db/repositories/email-delivery.repository.js';
import { enqueueEmail } from '../../server/jobs/queues.js';

const BATCH = 500;

/**
 * Heals a lost enqueue (Redis down at commit time, Redis flushed): pending rows older than a minute get
 * their job again. The deterministic job id makes this a no-op for rows whose job still exists. The rows stay
 * locked (SKIP LOCKED) until their jobs are added, which keeps two sweeping workers off the same rows.
 */
export function createOutboxSweepHandler(deps: { db: DataSource; emailQueue: Queue }) {
  return async (): Promise<number> => {
    return deps.db.transaction(async (m) => {
      const ids = await lockEmailsToResend(m, BATCH);
      for (const outboxId of ids) await enqueueEmail(deps.emailQueue, outboxId);
      return ids.length;
    });
  };
}
