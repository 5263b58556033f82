import type { DataSource, EntityManager } from 'typeorm';
import { rows } from '../sql.js';

type Db = DataSource | EntityManager;

// The mail worker's side of the outbox (email-outbox.repository queues the rows): claim a row, send after the
// claim committed, then mark it sent, give it back, or fail it.

export interface ClaimedEmail {
  id: string;
  template: string;
  toAddress: string;
  locale: 'nl' | 'en';
  displayName: string | null;
  params: Record<string, unknown>;
}

export type EmailClaim =
  | { outcome: 'claimed'; email: ClaimedEmail }
  | { outcome: 'already-sent' }
  /** Someone else holds a fresh claim, or the row failed: not ours to send now. */
  | { outcome: 'unavailable'; status: string }
  | { outcome: 'missing' };

/**
 * Claims a pending row (or one whose 'sending' claim is older than staleClaimMinutes, from a worker that died
 * mid-send) and counts the attempt, so two workers, or a retry racing a slow first attempt, never send twice.
 */
export async function claimEmail(db: Db, outboxId: string, staleClaimMinutes: number): Promise<EmailClaim> {
  const [row] = await rows<{ id: string; template: string; to_address: string; locale: 'nl' | 'en'; display_name: string | null; params: Record<string, unknown> }>(
    db,
    `UPDATE email_outbox o SET status = 'sending', attempts = attempts + 1, claimed_at = now()
      WHERE o.id = $1 AND (o.status = 'pending' OR (o.status = 'sending' AND o.claimed_at < now() - make_interval(mins => $2)))
      RETURNING o.id, o.template, o.to_address, o.locale, o.params,
                (SELECT display_name FROM accounts a WHERE a.id = o.account_id) AS display_name`,
    [outboxId, staleClaimMinutes],
  );
  if (row) {
    return { outcome: 'claimed', email: { id: row.id, template: row.template, toAddress: row.to_address, locale: row.locale, displayName: row.display_name, params: row.params } };
  }
  const [existing] = await rows<{ status: string }>(db, `SELECT status FROM email_outbox WHERE id = $1`, [outboxId]);
  if (!existing) return { outcome: 'missing' };
  return existing.status === 'sent' ? { outcome: 'already-sent' } : { outcome: 'unavailable', status: existing.status };
}

/** The SMTP server accepted the mail. A `secret` param (an invitation link's) is not kept past sending. */
export async function markEmailSent(db: Db, outboxId: string): Promise<void> {
  await db.query(`UPDATE email_outbox SET status = 'sent', sent_at = now(), last_error = NULL, params = params - 'secret' WHERE id = $1`, [outboxId]);
}

/** Gives a claimed row back after a failed send, so the retry (BullMQ backoff) can claim it again. */
export async function releaseEmail(db: Db, outboxId: string, error: string): Promise<void> {
  await db.query(`UPDATE email_outbox SET status = 'pending', last_error = $2 WHERE id = $1`, [outboxId, error.slice(0, 500)]);
}

/** After the last attempt (or a permanent error), a row that still is not sent is marked failed so staff can see it. */
export async function markEmailFailed(db: Db, outboxId: string, error: string): Promise<void> {
  await db.query(`UPDATE email_outbox SET status = 'failed', last_error = $2 WHERE id = $1 AND status <> 'sent'`, [outboxId, error.slice(0, 500)]);
}

/**
 * Inside the caller's transaction: pending rows older than a minute and 'sending' claims older than five minutes,
 * oldest first, locked with SKIP LOCKED so two sweeping workers never take the same rows. Returns their ids.
 */
export async function lockEmailsToResend(m: EntityManager, limit: number): Promise<string[]> {
  if (!m.queryRunner?.isTransactionActive) throw new Error('lockEmailsToResend must run inside a transaction');
  const found = await rows<{ id: string }>(
    m,
    `SELECT id FROM email_outbox
      WHERE (status = 'pending' AND created_at < now() - interval '1 minute')
         OR (status = 'sending' AND claimed_at < now() - interval '5 minutes')
      ORDER BY created_at LIMIT $1 FOR UPDATE SKIP LOCKED`,
    [limit],
  );
  return found.map((r) => r.id);
}
