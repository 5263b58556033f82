import type { EntityManager } from 'typeorm';
import { EmailOutboxEntity } from '../entities/email-outbox.entity.js';

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
  const inserted = await m
    .createQueryBuilder()
    .insert()
    .into(EmailOutboxEntity)
    .values({ dedupeKey: mail.dedupeKey, template: mail.template, toAddress: mail.toAddress, accountId: mail.accountId, locale: mail.locale ?? 'nl', params: mail.params ?? {} })
    .orIgnore()
    .returning(['id'])
    .updateEntity(false)
    .execute();
  return (inserted.raw as Array<{ id: string }>)[0]?.id ?? null;
}
