import type { EntityManager } from 'typeorm';
import { rows } from '../sql.js';

export interface OutgoingEmail {
  /** Same key, same mail: a second insert with this key is a no-op, so no mail is ever queued twice. */
  dedupeKey: string;
  template: string;
  toAddress: string;
  accountId: string | null;
  locale?: 'nl' | 'en';
  params?: Record<string, string | number | null>;
}

/** Queues a mail inside the caller's transaction; returns the outbox id to enqueue after commit, or null if it existed. */
export async function queueEmail(m: EntityManager, mail: OutgoingEmail): Promise<string | null> {
  const [row] = await rows<{ id: string }>(
    m,
    `INSERT INTO email_outbox (dedupe_key, template, to_address, account_id, locale, params)
     VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`,
    [mail.dedupeKey, mail.template, mail.toAddress, mail.accountId, mail.locale ?? 'nl', JSON.stringify(mail.params ?? {})],
  );
  return row?.id ?? null;
}
