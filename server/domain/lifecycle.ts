/**
 * The registration lifecycle. The statuses and allowed edges are data (tables registration_statuses and
 * registration_transitions, seeded by migration); these pure functions interpret that data.
 */
import { registrationStatus, type RegistrationStatusCode } from '../contract/common.js';

/** The statuses the contract knows (the table registration_statuses holds the same codes). */
export const REGISTRATION_STATUSES = registrationStatus.options;
export type RegistrationStatus = RegistrationStatusCode;

export function isRegistrationStatus(value: string): value is RegistrationStatus {
  return (REGISTRATION_STATUSES as readonly string[]).includes(value);
}

export interface TransitionRule {
  from: RegistrationStatus;
  to: RegistrationStatus;
  /** Who may take this edge: staff decisions, the registrant's own request, or the system (deadlines, tucht measures). */
  actor: 'registrant' | 'staff' | 'system';
  requiresReason: boolean;
}

export type TransitionCheck =
  | { ok: true; rule: TransitionRule }
  | { ok: false; code: 'transition_not_allowed' | 'actor_not_allowed' | 'reason_required'; message: string };

export function checkTransition(
  table: readonly TransitionRule[],
  from: RegistrationStatus,
  to: RegistrationStatus,
  actor: TransitionRule['actor'],
  reason: string | null,
): TransitionCheck {
  const edges = table.filter((r) => r.from === from && r.to === to);
  if (edges.length === 0) {
    return { ok: false, code: 'transition_not_allowed', message: `A registration cannot move from ${from} to ${to}.` };
  }
  const rule = edges.find((r) => r.actor === actor);
  if (!rule) {
    return { ok: false, code: 'actor_not_allowed', message: `Only ${edges.map((e) => e.actor).join(' or ')} may move a registration from ${from} to ${to}.` };
  }
  if (rule.requiresReason && !reason?.trim()) {
    return { ok: false, code: 'reason_required', message: `Moving a registration from ${from} to ${to} requires a reason.` };
  }
  return { ok: true, rule };
}

/** Default edges of domain.md; the migration seeds these rows, tests use them directly. */
export const DEFAULT_TRANSITIONS: readonly TransitionRule[] = [
  { from: 'concept', to: 'submitted', actor: 'registrant', requiresReason: false },
  { from: 'concept', to: 'withdrawn', actor: 'registrant', requiresReason: false },
  { from: 'submitted', to: 'in_review', actor: 'staff', requiresReason: false },
  { from: 'submitted', to: 'concept', actor: 'staff', requiresReason: true },
  { from: 'submitted', to: 'withdrawn', actor: 'registrant', requiresReason: false },
  { from: 'in_review', to: 'registered', actor: 'staff', requiresReason: false },
  { from: 'in_review', to: 'rejected', actor: 'staff', requiresReason: true },
  { from: 'in_review', to: 'concept', actor: 'staff', requiresReason: true },
  { from: 'registered', to: 'reregistration_submitted', actor: 'registrant', requiresReason: false },
  { from: 'registered', to: 'suspended', actor: 'system', requiresReason: true },
  { from: 'registered', to: 'struck_off', actor: 'system', requiresReason: true },
  { from: 'registered', to: 'lapsed', actor: 'system', requiresReason: true },
  { from: 'registered', to: 'withdrawn', actor: 'registrant', requiresReason: false },
  { from: 'reregistration_submitted', to: 'registered', actor: 'staff', requiresReason: false },
  { from: 'reregistration_submitted', to: 'struck_off', actor: 'staff', requiresReason: true },
  { from: 'reregistration_submitted', to: 'suspended', actor: 'system', requiresReason: true },
  { from: 'suspended', to: 'registered', actor: 'system', requiresReason: true },
  { from: 'suspended', to: 'struck_off', actor: 'system', requiresReason: true },
  { from: 'lapsed', to: 'reregistration_submitted', actor: 'registrant', requiresReason: false },
  { from: 'withdrawn', to: 'reregistration_submitted', actor: 'registrant', requiresReason: false },
];
