import type { RegistrationActions } from '../contract/applications.js';
import type { Actor } from './actor.js';
import { can } from './policy.js';

/** Statuses in which staff decide on an application (the transition table's staff edges start here). */
const DECIDABLE: readonly string[] = ['submitted', 'in_review'];

/**
 * What the actor may do with a registration now, sent with every registration so the client shows exactly the
 * buttons the server will accept and keeps no status lists of its own.
 */
export function registrationActions(actor: Actor, r: { personId: string; status: string; complete: boolean }): RegistrationActions {
  const concept = r.status === 'concept';
  const owned = { personId: r.personId };
  return {
    edit: concept && can(actor, 'ownRegistration.edit', owned),
    upload: concept && can(actor, 'ownEvidence.upload', owned),
    submit: concept && r.complete && can(actor, 'ownRegistration.submit', owned),
    decide: DECIDABLE.includes(r.status) && can(actor, 'applications.decide'),
  };
}
