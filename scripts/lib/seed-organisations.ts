import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { rows } from '../../server/db/sql.js';

/**
 * Organisation demo data (issue 8), idempotent by seed_key: the demo provider's "Opleidingscentrum Noord" gets its
 * contact details, and staff find work in their organisation queue: a pending request (from a seeded account that
 * cannot log in) and a refused one with its reason.
 */
const REQUESTS = [
  {
    key: 'org-provider-request-rivierenland',
    account: 'seed-aanvrager-rivierenland',
    requester: 'Joyce Bakker',
    email: 'j.bakker@zorgacademie-rivierenland.example',
    name: 'Zorgacademie Rivierenland',
    kvk: '41456789',
    city: 'Tiel',
    website: 'https://zorgacademie-rivierenland.example',
    phone: '0344 123 456',
    daysAgo: 9,
    refusal: null,
  },
  {
    key: 'org-provider-request-snelcursus',
    account: 'seed-aanvrager-snelcursus',
    requester: 'Mark de Wit',
    email: 'mark@snelcursus.example',
    name: 'Snelcursus Online',
    kvk: '42567890',
    city: 'Almere',
    website: 'https://snelcursus.example',
    phone: '036 987 6543',
    daysAgo: 30,
    refusal: 'Het KvK-nummer hoort bij een andere onderneming en de organisatie biedt geen scholing voor sociaal werkers aan.',
  },
] as const;

export async function seedOrganisations(db: DataSource, issuer: string): Promise<void> {
  await db.transaction(async (m) => {
    await m.query(
      `UPDATE organisations SET contact_name = 'Petra Jansen', contact_email = 'opleidingen@ocnoord.example', phone = '050 123 4567',
              website = 'https://ocnoord.example', city = 'Groningen'
        WHERE seed_key = 'org-provider-noord' AND contact_name IS NULL`,
    );
    for (const r of REQUESTS) {
      const [account] = await rows<{ id: string }>(
        m,
        `INSERT INTO accounts (issuer, subject, display_name, email) VALUES ($1, $2, $3, $4)
         ON CONFLICT (issuer, subject) DO UPDATE SET display_name = EXCLUDED.display_name RETURNING id`,
        [issuer, r.account, r.requester, r.email],
      );
      const requestedAt = `now() - make_interval(days => ${Number(r.daysAgo)})`;
      const [org] = await rows<{ id: string }>(
        m,
        `INSERT INTO organisations (kind, name, kvk_number, contact_name, contact_email, phone, website, city, status, refusal_reason,
                                    requested_by, requested_at, decided_at, decided_by, seed_key)
         VALUES ('provider', $1, $2, $3, $4, $5, $6, $7, $8, $9::text, $10, ${requestedAt},
                 CASE WHEN $9::text IS NULL THEN NULL ELSE now() - interval '2 days' END,
                 CASE WHEN $9::text IS NULL THEN NULL ELSE (SELECT a.id FROM accounts a JOIN account_roles ar ON ar.account_id = a.id AND ar.role = 'staff' ORDER BY a.created_at LIMIT 1) END,
                 $11)
         ON CONFLICT (seed_key) DO UPDATE SET name = EXCLUDED.name RETURNING id`,
        [r.name, r.kvk, r.requester, r.email, r.phone, r.website, r.city, r.refusal ? 'refused' : 'pending', r.refusal, account!.id, r.key],
      );
      await m.query(`INSERT INTO organisation_members (organisation_id, account_id, role) VALUES ($1, $2, 'admin') ON CONFLICT DO NOTHING`, [org!.id, account!.id]);
      await m.query(`INSERT INTO account_roles (account_id, role) VALUES ($1, 'provider') ON CONFLICT DO NOTHING`, [account!.id]);
    }
  });
}

/**
 * A fixed, publicly documented API token of "Opleidingscentrum Noord", for trying the provider API with `npm start`
 * (development services only: start.ts seeds it only with the dev OpenID provider, never in tests or production).
 */
export const DEMO_API_TOKEN = 'vrk_demnrd2x_DemoSleutelOpleidingscentrumNoordAlleenDev1';

export async function seedDemoApiToken(db: DataSource): Promise<void> {
  const hash = createHash('sha256').update(DEMO_API_TOKEN, 'utf8').digest('hex');
  await db.query(
    `INSERT INTO api_tokens (organisation_id, name, token_prefix, token_hash, created_by)
     SELECT o.id, 'Demo (npm start)', $1, $2, m.account_id
       FROM organisations o JOIN organisation_members m ON m.organisation_id = o.id AND m.role = 'admin'
      WHERE o.seed_key = 'org-provider-noord'
      ORDER BY m.created_at LIMIT 1
     ON CONFLICT DO NOTHING`,
    [DEMO_API_TOKEN.slice(0, 12), hash],
  );
}
