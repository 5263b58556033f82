import type { EntityManager } from 'typeorm';
import { rows } from '../sql.js';

/**
 * Inside the caller's transaction: pending revisions older than half a minute (their render job may be lost),
 * oldest first, locked with SKIP LOCKED so two sweeping workers never take the same rows. Returns their ids.
 */
export async function lockPendingCertificatesToResend(m: EntityManager, limit: number): Promise<string[]> {
  if (!m.queryRunner?.isTransactionActive) throw new Error('lockPendingCertificatesToResend must run inside a transaction');
  const found = await rows<{ id: string }>(
    m,
    `SELECT id FROM certificates WHERE status = 'pending' AND created_at < now() - interval '30 seconds'
      ORDER BY created_at LIMIT $1 FOR UPDATE SKIP LOCKED`,
    [limit],
  );
  return found.map((r) => r.id);
}
