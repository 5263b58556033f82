import type { Role } from '../contract/accounts.js';
import { forbidden, notFound, unauthenticated } from '../domain/errors.js';
import type { Actor, OrganisationKind, OrganisationMembership } from './actor.js';

/**
 * Who may do what, in one table. Every route names the action it needs (server/http/routes.ts); services ask
 * again with the row at hand for actions on owned rows. Nothing else in the server checks roles or ownership.
 */
type Rule =
  | { who: 'anyone' }
  | { who: 'logged_in' }
  /** One of these roles; with `owns`, the row must also belong to the actor (else 404, never revealing it exists). */
  | { who: readonly Role[]; owns?: 'person' }
  /**
   * Organisation work: one of these roles and a membership of an organisation of `kind` (of the row's organisation
   * when a row is given, else 404; of any such organisation when none is). `admin`: admins only; `authorised`: only
   * once staff authorised the organisation (else 403). `tokens`: an API token of such an organisation may do it too.
   * Kind `any`: work every organisation does alike (its details, members, API tokens).
   */
  | { who: readonly Role[]; member: MemberNeed; tokens?: boolean };

interface MemberNeed {
  kind: OrganisationKind | 'any';
  admin?: boolean;
  authorised?: boolean;
}

/** The roles an organisation's members hold (accepting an invitation gives the organisation kind's role). */
const MEMBER_ROLES = ['provider', 'employer', 'municipality'] as const satisfies readonly Role[];

const RULES = {
  'system.health': { who: 'anyone' },
  'docs.read': { who: 'anyone' },
  'session.login': { who: 'anyone' },
  'session.logout': { who: 'anyone' },
  'session.me': { who: 'anyone' },
  'public.read': { who: 'anyone' },
  'variants.read': { who: 'anyone' },

  'ownRegistrations.list': { who: ['registrant'] },
  'ownRegistrations.apply': { who: ['registrant'] },
  'ownRegistration.read': { who: ['registrant'], owns: 'person' },
  'ownRegistration.edit': { who: ['registrant'], owns: 'person' },
  'ownRegistration.submit': { who: ['registrant'], owns: 'person' },
  'ownEvidence.upload': { who: ['registrant'], owns: 'person' },
  'ownEvidence.read': { who: ['registrant'], owns: 'person' },
  'ownEvidence.delete': { who: ['registrant'], owns: 'person' },
  'ownCertificate.read': { who: ['registrant'] },

  // ---- Organisations (issue 8): accounts, members, API tokens.
  'organisations.own': { who: 'logged_in' },
  'organisations.request': { who: 'logged_in' },
  'invitations.accept': { who: 'logged_in' },
  'organisation.read': { who: MEMBER_ROLES, member: { kind: 'any' } },
  'organisation.edit': { who: MEMBER_ROLES, member: { kind: 'any', admin: true } },
  'organisation.members.read': { who: MEMBER_ROLES, member: { kind: 'any' } },
  'organisation.members.manage': { who: MEMBER_ROLES, member: { kind: 'any', admin: true } },
  'organisation.members.invite': { who: MEMBER_ROLES, member: { kind: 'any', admin: true, authorised: true } },
  'organisation.tokens.manage': { who: MEMBER_ROLES, member: { kind: 'any', admin: true } },
  'organisation.tokens.create': { who: MEMBER_ROLES, member: { kind: 'any', admin: true, authorised: true } },
  /** API tokens only (no session role fits): who the token is. */
  'token.whoami': { who: [], member: { kind: 'any' }, tokens: true },

  // ---- Accreditation (issue 8): requests, runs, attendance.
  'accreditations.submit': { who: ['provider'], member: { kind: 'provider', authorised: true } },
  'attendance.upload': { who: ['provider'], member: { kind: 'provider', authorised: true }, tokens: true },
  // Reading own requests needs a membership only (a refused organisation still sees what it asked); acting on them
  // needs an authorised organisation.
  'accreditations.read': { who: ['provider'], member: { kind: 'provider' } },
  'accreditations.withdraw': { who: ['provider'], member: { kind: 'provider', authorised: true } },
  'accreditations.object': { who: ['provider'], member: { kind: 'provider', authorised: true } },
  'accreditations.agenda': { who: ['provider'], member: { kind: 'provider', authorised: true } },
  'accreditations.runs': { who: ['provider'], member: { kind: 'provider', authorised: true } },
  'attendance.read': { who: ['provider'], member: { kind: 'provider' }, tokens: true },

  // ---- CPD activities and progress (issue 8).
  'competences.read': { who: 'anyone' },
  'ownCpd.read': { who: ['registrant'] },
  'ownCpdActivity.log': { who: ['registrant'] },
  'ownCpdActivity.read': { who: ['registrant'], owns: 'person' },
  'ownCpdActivity.withdraw': { who: ['registrant'], owns: 'person' },
  'ownCpdEvidence.upload': { who: ['registrant'], owns: 'person' },
  'ownCpdEvidence.read': { who: ['registrant'], owns: 'person' },
  'ownCpdEvidence.delete': { who: ['registrant'], owns: 'person' },
  'ownPortfolio.request': { who: ['registrant'] },
  'ownPortfolio.read': { who: ['registrant'], owns: 'person' },

  // ---- Staff work (applications; the CPD queue of issue 8).
  'applications.review': { who: ['staff'] },
  'applications.decide': { who: ['staff'] },
  'audit.read': { who: ['staff'] },
  /** The CPD review queue: activities, accreditation requests, objections, organisation requests. */
  'cpdQueue.read': { who: ['staff'] },
  /** A registrant's activity and its evidence, for review (every read audited). */
  'cpdActivities.review': { who: ['staff'] },
  'cpdActivities.decide': { who: ['staff'] },
  'accreditations.review': { who: ['staff'] },
  'accreditations.decide': { who: ['staff'] },
  'organisations.review': { who: ['staff'] },
  'organisations.decide': { who: ['staff'] },
} as const satisfies Record<string, Rule>;

export type Action = keyof typeof RULES;

/** A row that belongs to a person (an application, its evidence, a certificate). */
export interface PersonOwned {
  personId: string;
}

/** A row that belongs to an organisation (an accreditation request, a run, an API token). */
export interface OrganisationOwned {
  organisationId: string;
}

type Resource = PersonOwned | OrganisationOwned;

type Verdict = 'allow' | 'unauthenticated' | 'forbidden' | 'not_found';

function judge(actor: Actor, action: Action, resource?: Resource): Verdict {
  const rule = RULES[action] as Rule;
  if (rule.who === 'anyone') return 'allow';
  if (actor.token) return 'member' in rule && rule.tokens === true ? judgeMembership(actor.memberships, rule.member, resource) : 'forbidden';
  if (!actor.account) return 'unauthenticated';
  if (rule.who === 'logged_in') return 'allow';
  if (!rule.who.some((r) => actor.roles.includes(r))) return 'forbidden';
  if ('member' in rule) return judgeMembership(actor.memberships, rule.member, resource);
  if ('owns' in rule && rule.owns === 'person' && resource !== undefined && (!('personId' in resource) || resource.personId !== actor.person?.id)) return 'not_found';
  return 'allow';
}

function judgeMembership(memberships: readonly OrganisationMembership[], need: MemberNeed, resource: Resource | undefined): Verdict {
  const candidates = memberships.filter((m) => need.kind === 'any' || m.kind === need.kind);
  let pool = candidates;
  if (resource !== undefined) {
    pool = 'organisationId' in resource ? candidates.filter((m) => m.organisationId === resource.organisationId) : [];
    if (pool.length === 0) return 'not_found';
  }
  const fit = pool.filter((m) => (need.admin !== true || m.role === 'admin') && (need.authorised !== true || m.authorised));
  return fit.length > 0 ? 'allow' : 'forbidden';
}

/** Whether an organisation's API token may do this (the rule says `tokens: true`). */
export function takesTokens(action: Action): boolean {
  const rule = RULES[action] as Rule;
  return 'member' in rule && rule.tokens === true;
}

/** Whether this needs no one at all (public routes, the login, the health check). */
export function isOpenToAnyone(action: Action): boolean {
  return (RULES[action] as Rule).who === 'anyone';
}

export function can(actor: Actor, action: Action, resource?: Resource): boolean {
  return judge(actor, action, resource) === 'allow';
}

/**
 * Throws what the actor should be told: 401 when anonymous, 403 for a missing role (or an organisation not yet
 * authorised, or a member where an admin is needed), 404 for another's row.
 */
export function authorize(actor: Actor, action: Action, resource?: Resource): void {
  const verdict = judge(actor, action, resource);
  switch (verdict) {
    case 'allow':
      return;
    case 'unauthenticated':
      throw unauthenticated();
    case 'forbidden':
      throw forbidden();
    case 'not_found':
      throw notFound('Resource');
    default: {
      const exhaustive: never = verdict;
      throw new Error(`unknown verdict ${String(exhaustive)}`);
    }
  }
}

/** Set-based: of many rows at once (bulk work), the ones the actor may act on; the rest are reported as unknown. */
export function partitionOwned<T extends Resource>(actor: Actor, action: Action, resources: readonly T[]): { allowed: T[]; refused: T[] } {
  const allowed: T[] = [];
  const refused: T[] = [];
  for (const r of resources) (can(actor, action, r) ? allowed : refused).push(r);
  return { allowed, refused };
}
