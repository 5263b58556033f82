import type { Queue } from 'bullmq';
import type { DataSource } from 'typeorm';
import { enqueueCertificate } from '../../server/jobs/certificates.js';

/**
 * Heals a lost render job (Redis down when a decision committed, or rows made by the seed): pending certificate
 * rows older than half a minute get their job again. The deterministic job id makes this a no-op while the
 * original job still exists; SKIP LOCKED keeps two sweeping workers apart.
 */
export function createCertificateSweepHandler(deps: { db: DataSource; certificateQueue: Queue }) {
  return async (): Promise<number> =>
    deps.db.transaction(async (m) => {
      const pending = (await m.query(
        `SELECT id FROM certificates WHERE status = 'pending' AND created_at < now() - interval '30 seconds'
          ORDER BY created_at LIMIT 500 FOR UPDATE SKIP LOCKED`,
      )) as Array<{ id: string }>;
      for (const row of pending) await enqueueCertificate(deps.certificateQueue, row.id);
      return pending.length;
    });
}
