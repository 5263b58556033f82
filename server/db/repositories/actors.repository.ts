import type { DataSource, EntityManager } from 'typeorm';
import { ROLES, type Role } from '../../contract/accounts.js';
import type { Actor, OrganisationMembership } from '../../policies/actor.js';

interface ActorRow {
  id: string;
  display_name: string;
  email: string | null;
  roles: string[];
  person_id: string | null;
  registration_number: string | null;
  given_names: string | null;
  name_prefix: string | null;
  family_name: string | null;
  memberships: OrganisationMembership[];
}

/** The actor of a logged-in account in one statement: roles, person and organisation memberships; null when gone. */
export async function findActor(db: DataSource | EntityManager, accountId: string): Promise<Actor | null> {
  const [row] = (await db.query(
    `SELECT a.id, a.display_name, a.email,
            COALESCE((SELECT array_agg(r.role ORDER BY r.role) FROM account_roles r WHERE r.account_id = a.id), '{}') AS roles,
            COALESCE((SELECT json_agg(json_build_object('organisationId', o.id, 'kind', o.kind) ORDER BY o.name)
                        FROM organisation_members om JOIN organisations o ON o.id = om.organisation_id
                       WHERE om.account_id = a.id), '[]'::json) AS memberships,
            p.id AS person_id, p.registration_number, p.given_names, p.name_prefix, p.family_name
       FROM accounts a LEFT JOIN persons p ON p.id = a.person_id
      WHERE a.id = $1`,
    [accountId],
  )) as ActorRow[];
  if (!row) return null;
  return {
    account: { id: row.id, displayName: row.display_name, email: row.email },
    roles: row.roles.filter((r): r is Role => (ROLES as readonly string[]).includes(r)),
    person: row.person_id
      ? { id: row.person_id, registrationNumber: row.registration_number, name: [row.given_names, row.name_prefix, row.family_name].filter(Boolean).join(' ') }
      : null,
    memberships: row.memberships,
  };
}

/** The statuses that count as registered (register data), e.g. for "may this person apply for a specialism". */
export async function statusesCountingAsRegistered(db: DataSource | EntityManager): Promise<Set<string>> {
  const rows = (await db.query(`SELECT code FROM registration_statuses WHERE counts_as_registered`)) as Array<{ code: string }>;
  return new Set(rows.map((r) => r.code));
}
