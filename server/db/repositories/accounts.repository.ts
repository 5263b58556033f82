import type { DataSource, EntityManager } from 'typeorm';
import { ROLES, type Role } from '../entities/account.entity.js';
import { rows } from '../sql.js';
import { recordAudit } from './audit.repository.js';
import { queueEmail } from './email-outbox.repository.js';

export interface AccountView {
  id: string;
  displayName: string;
  email: string | null;
  roles: Role[];
  person: { id: string; registrationNumber: string | null; name: string } | null;
}

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
      await m.query(`INSERT INTO account_roles (account_id, role) VALUES ($1, 'registrant') ON CONFLICT DO NOTHING`, [accountId]);
      await recordAudit(m, { actorAccountId: accountId, action: 'account.created', subjectType: 'account', subjectId: accountId, details: { roles: ['registrant'] } });
    }
    const first = await rows<{ email: string | null }>(m, `UPDATE accounts SET first_login_at = now() WHERE id = $1 AND first_login_at IS NULL RETURNING email`, [accountId]);
    let welcomeOutboxId: string | null = null;
    const email = first[0]?.email;
    if (email) {
      welcomeOutboxId = await queueEmail(m, { dedupeKey: `welcome:${accountId}`, template: 'welcome', toAddress: email, accountId });
    }
    return { accountId, created: row!.created, welcomeOutboxId };
  });
}

export async function findAccountView(db: DataSource | EntityManager, accountId: string): Promise<AccountView | null> {
  const rows = (await db.query(
    `SELECT a.id, a.display_name, a.email,
            COALESCE(array_agg(r.role ORDER BY r.role) FILTER (WHERE r.role IS NOT NULL), '{}') AS roles,
            p.id AS person_id, p.registration_number, p.given_names, p.name_prefix, p.family_name
       FROM accounts a
       LEFT JOIN account_roles r ON r.account_id = a.id
       LEFT JOIN persons p ON p.id = a.person_id
      WHERE a.id = $1
      GROUP BY a.id, p.id`,
    [accountId],
  )) as Array<{
    id: string;
    display_name: string;
    email: string | null;
    roles: string[];
    person_id: string | null;
    registration_number: string | null;
    given_names: string | null;
    name_prefix: string | null;
    family_name: string | null;
  }>;
  const row = rows[0];
  if (!row) return null;
  return {
    id: row.id,
    displayName: row.display_name,
    email: row.email,
    roles: row.roles.filter((r): r is Role => (ROLES as readonly string[]).includes(r)),
    person: row.person_id
      ? {
          id: row.person_id,
          registrationNumber: row.registration_number,
          name: [row.given_names, row.name_prefix, row.family_name].filter(Boolean).join(' '),
        }
      : null,
  };
}
