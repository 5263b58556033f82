import type { DataSource } from 'typeorm';
import { lockEmailsToResend } from '../../server/db/repositories/email-delivery.repository.js';
import { enqueue, type Queues } from '../../server/jobs/registry.js';

const BATCH = 500;

/**
 * Heals a lost enqueue (Redis down at commit time, Redis flushed): pending rows older than a minute get
 * their job again. The deterministic job id makes this a no-op for rows whose job still exists. The rows stay
 * locked (SKIP LOCKED) until their jobs are added, which keeps two sweeping workers off the same rows.
 */
export function createOutboxSweepHandler(deps: { db: DataSource; queues: Queues }) {
  return async (): Promise<number> => {
    return deps.db.transaction(async (m) => {
      const ids = await lockEmailsToResend(m, BATCH);
      for (const outboxId of ids) await enqueue(deps.queues, 'email.send', { outboxId });
      return ids.length;
    });
  };
}
