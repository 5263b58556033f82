import type { DataSource } from 'typeorm';
import { AccountEntity, AccountRoleEntity } from '../entities/account.entity.js';
import { recordAudit } from './audit.repository.js';
import { queueEmail } from './email-outbox.repository.js';

export interface LoginResult {
  accountId: string;
  created: boolean;
  /** Set when this was the account's first login and a welcome mail was queued (send after commit). */
  welcomeOutboxId: string | null;
}

interface LoginClaims {
  issuer: string;
  subject: string;
  displayName: string;
  email: string | null;
}

/**
 * Finds or creates the account for an OIDC subject. Safe under concurrent logins: the unique
 * (issuer, subject) constraint decides, not a read-then-write. Unknown subjects become registrants.
 */
export async function recordLogin(dataSource: DataSource, claims: LoginClaims): Promise<LoginResult> {
  return dataSource.transaction(async (m) => {
    // Raw on purpose: one atomic upsert that also tells whether it inserted (xmax = 0), which QueryBuilder cannot say.
    const [row] = (await m.query(
      `INSERT INTO accounts (issuer, subject, display_name, email, last_login_at)
       VALUES ($1, $2, $3, $4, now())
       ON CONFLICT (issuer, subject) DO UPDATE
         SET last_login_at = now(),
             display_name = EXCLUDED.display_name,
             email = COALESCE(EXCLUDED.email, accounts.email)
       RETURNING id, (xmax = 0) AS created`,
      [claims.issuer, claims.subject, claims.displayName, claims.email],
    )) as Array<{ id: string; created: boolean }>;
    const accountId = row!.id;
    if (row!.created) {
      await m.createQueryBuilder().insert().into(AccountRoleEntity).values({ accountId, role: 'registrant' }).orIgnore().updateEntity(false).execute();
      await recordAudit(m, { actorAccountId: accountId, action: 'account.created', subjectType: 'account', subjectId: accountId, details: { roles: ['registrant'] } });
    }
    const first = await m
      .createQueryBuilder()
      .update(AccountEntity)
      .set({ firstLoginAt: () => 'now()' })
      .where('id = :accountId AND first_login_at IS NULL', { accountId })
      .returning(['email'])
      .updateEntity(false)
      .execute();
    let welcomeOutboxId: string | null = null;
    const email = (first.raw as Array<{ email: string | null }>)[0]?.email;
    if (email) {
      welcomeOutboxId = await queueEmail(m, { dedupeKey: `welcome:${accountId}`, template: 'welcome', toAddress: email, accountId });
    }
    return { accountId, created: row!.created, welcomeOutboxId };
  });
}
