import type { Role } from '../contract/accounts.js';

export interface OrganisationMembership {
  organisationId: string;
  kind: 'provider' | 'employer' | 'municipality';
}

/**
 * Who is asking, resolved once per request: the account with its roles (from our database, never the token),
 * the person behind it, and the organisations it is a member of. Anonymous visitors are an actor too.
 */
export interface Actor {
  account: { id: string; displayName: string; email: string | null } | null;
  roles: readonly Role[];
  person: { id: string; registrationNumber: string | null; name: string } | null;
  memberships: readonly OrganisationMembership[];
}

export const ANONYMOUS: Actor = Object.freeze({ account: null, roles: [], person: null, memberships: [] });


/** The same actor once a person was made for its account during this request (the first application). */
export const withPerson = (actor: Actor, person: NonNullable<Actor['person']>): Actor => (actor.person ? actor : { ...actor, person });
