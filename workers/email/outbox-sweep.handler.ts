import type { Queue } from 'bullmq';
import type { DataSource } from 'typeorm';
import { enqueueEmail } from '../../server/jobs/queues.js';

/**
 * Heals a lost enqueue (Redis down at commit time, Redis flushed): pending rows older than a minute get
 * their job again. The deterministic job id makes this a no-op for rows whose job still exists. SKIP LOCKED
 * keeps two sweeping workers off the same rows.
 */
export function createOutboxSweepHandler(deps: { db: DataSource; emailQueue: Queue }) {
  return async (): Promise<number> => {
    return deps.db.transaction(async (m) => {
      const rows = (await m.query(
        `SELECT id FROM email_outbox
          WHERE (status = 'pending' AND created_at < now() - interval '1 minute')
             OR (status = 'sending' AND claimed_at < now() - interval '5 minutes')
          ORDER BY created_at LIMIT 500 FOR UPDATE SKIP LOCKED`,
      )) as Array<{ id: string }>;
      for (const row of rows) await enqueueEmail(deps.emailQueue, row.id);
      return rows.length;
    });
  };
}
