import type { DataSource, EntityManager } from 'typeorm';
import { ROLES, type Role } from '../../contract/accounts.js';
import type { Actor } from '../../policies/actor.js';
import { AccountEntity } from '../entities/account.entity.js';
import { OrganisationMemberEntity } from '../entities/organisation.entity.js';

/** The actor of a logged-in account: roles, person and organisation memberships; null when the account is gone. */
export async function findActor(db: DataSource | EntityManager, accountId: string): Promise<Actor | null> {
  const [account, memberships] = await Promise.all([
    db.getRepository(AccountEntity).findOne({ where: { id: accountId }, relations: { roles: true, person: true } }),
    db.getRepository(OrganisationMemberEntity).find({ where: { accountId }, relations: { organisation: true } }),
  ]);
  if (!account) return null;
  const person = account.person ?? null;
  return {
    account: { id: account.id, displayName: account.displayName, email: account.email },
    roles: (account.roles ?? [])
      .map((r) => r.role)
      .filter((r): r is Role => (ROLES as readonly string[]).includes(r))
      .sort(),
    person: person
      ? { id: person.id, registrationNumber: person.registrationNumber, name: [person.givenNames, person.namePrefix, person.familyName].filter(Boolean).join(' ') }
      : null,
    memberships: memberships.map((m) => ({ organisationId: m.organisationId, kind: m.organisation!.kind, role: m.role, authorised: m.organisation!.status === 'authorised' })),
    token: null,
  };
}
