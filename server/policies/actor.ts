import type { Role } from '../contract/accounts.js';

export type OrganisationKind = 'provider' | 'employer' | 'municipality';

export interface OrganisationMembership {
  organisationId: string;
  kind: OrganisationKind;
  /** Admins invite members and manage the organisation's API tokens. */
  role: 'admin' | 'member';
  /** Staff authorised the organisation; until then it may not act (a provider may not submit requests). */
  authorised: boolean;
}

/**
 * Who is asking, resolved once per request: the account with its roles (from our database, never the token),
 * the person behind it, and the organisations it is a member of. Anonymous visitors are an actor too. A call
 * with an organisation's API token is an actor without an account: `token` is set and `memberships` holds that
 * one organisation (as a member, never an admin).
 */
export interface Actor {
  account: { id: string; displayName: string; email: string | null } | null;
  roles: readonly Role[];
  person: { id: string; registrationNumber: string | null; name: string } | null;
  memberships: readonly OrganisationMembership[];
  token: { id: string; organisationId: string } | null;
}

export const ANONYMOUS: Actor = Object.freeze({ account: null, roles: [], person: null, memberships: [], token: null });

/** The same actor once a person was made for its account during this request (the first application). */
export const withPerson = (actor: Actor, person: NonNullable<Actor['person']>): Actor => (actor.person ? actor : { ...actor, person });
