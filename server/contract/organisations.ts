import { z } from 'zod';
import type { ErrorCode } from './errors.js';
import type { RouteContract } from './routes.js';
import { instant, noQuery, pageQuery, page, uuid } from './common.js';
import { freeText, personName, singleLineText } from './text.js';

/**
 * Organisations (issue 8): a provider asks for an account, staff authorise or refuse it, its admin invites members
 * and manages the organisation's API tokens. Tokens work for every organisation kind (employers use them next).
 */

export const ORGANISATION_KINDS = ['provider', 'employer', 'municipality'] as const;
export const organisationKind = z.enum(ORGANISATION_KINDS);
export const ORGANISATION_STATUSES = ['pending', 'authorised', 'refused'] as const;
export const organisationStatus = z.enum(ORGANISATION_STATUSES);
export type OrganisationStatusCode = z.infer<typeof organisationStatus>;
export const memberRole = z.enum(['admin', 'member']);
export type MemberRole = z.infer<typeof memberRole>;

const email = z.email().max(254);
/** A Dutch Chamber of Commerce (KvK) number: exactly 8 digits, leading zeros kept. */
export const kvkNumber = z.string().regex(/^\d{8}$/, 'A KvK number has exactly 8 digits.');
const website = z
  .string()
  .trim()
  .max(300)
  .regex(/^https?:\/\/[^\s/$.?#][^\s]*\.[^\s]{2,}$/i, 'Use a web address starting with https:// (or http://).');
const phone = z
  .string()
  .trim()
  .regex(/^\+?[0-9][0-9 ()-]{5,30}[0-9]$/, 'Use digits, spaces, dashes or brackets, optionally starting with +.');

/** What a requester fills in; also what an admin may change (each field optional there). */
const organisationFields = {
  name: personName({ min: 2, max: 200 }),
  kvkNumber,
  contactName: personName({ min: 2, max: 200 }),
  contactEmail: email,
  phone,
  website,
  city: singleLineText({ min: 2, max: 100 }),
};

export const requestOrganisationBody = z.strictObject({ kind: z.literal('provider').default('provider'), ...organisationFields });
export type RequestOrganisationBody = z.infer<typeof requestOrganisationBody>;
export const updateOrganisationBody = z
  .strictObject({
    name: organisationFields.name.optional(),
    kvkNumber: kvkNumber.optional(),
    contactName: organisationFields.contactName.optional(),
    contactEmail: email.optional(),
    phone: phone.optional(),
    website: website.optional(),
    city: organisationFields.city.optional(),
  })
  .refine((b) => Object.keys(b).length > 0, 'Change at least one field.');
export type UpdateOrganisationBody = z.infer<typeof updateOrganisationBody>;

export const organisationParams = z.strictObject({ organisationId: uuid });
export const memberParams = z.strictObject({ organisationId: uuid, accountId: uuid });
export const invitationParams = z.strictObject({ organisationId: uuid, invitationId: uuid });
export const tokenParams = z.strictObject({ organisationId: uuid, tokenId: uuid });

const details = {
  id: uuid,
  kind: organisationKind,
  name: z.string(),
  kvkNumber: z.string().nullable(),
  contactName: z.string().nullable(),
  contactEmail: z.string().nullable(),
  phone: z.string().nullable(),
  website: z.string().nullable(),
  city: z.string().nullable(),
  status: organisationStatus,
  /** Staff's reason, shown to the organisation when they refused it. */
  refusalReason: z.string().nullable(),
  requestedAt: instant.nullable(),
  authorisedAt: instant.nullable(),
};

/** One of the actor's organisations, with the actor's role in it and what the actor may do there now. */
export const myOrganisation = z
  .object({
    ...details,
    role: memberRole,
    can: z.object({ edit: z.boolean(), manageMembers: z.boolean(), manageTokens: z.boolean() }),
  })
  .meta({ id: 'MyOrganisation' });
export type MyOrganisation = z.infer<typeof myOrganisation>;
export const myOrganisations = z.object({ items: z.array(myOrganisation) }).meta({ id: 'MyOrganisations' });
export type MyOrganisations = z.infer<typeof myOrganisations>;

export const member = z
  .object({ accountId: uuid, displayName: z.string(), email: z.string().nullable(), role: memberRole, since: instant })
  .meta({ id: 'OrganisationMember' });
export type Member = z.infer<typeof member>;
export const members = z.object({ items: z.array(member) }).meta({ id: 'OrganisationMembers' });
export const updateMemberBody = z.strictObject({ role: memberRole });

export const invitation = z
  .object({ id: uuid, email: z.string(), role: memberRole, invitedBy: z.string(), createdAt: instant, expiresAt: instant, expired: z.boolean() })
  .meta({ id: 'OrganisationInvitation' });
export type Invitation = z.infer<typeof invitation>;
export const invitations = z.object({ items: z.array(invitation) }).meta({ id: 'OrganisationInvitations' });
export const inviteBody = z.strictObject({ email: email.transform((e) => e.toLowerCase()), role: memberRole });
export type InviteBody = z.infer<typeof inviteBody>;

/** The secret of an invitation link: 32 random bytes, base64url. */
export const invitationSecret = z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'This is not an invitation link.');
export const invitationSecretBody = z.strictObject({ secret: invitationSecret });
export const INVITATION_STATES = ['open', 'expired', 'revoked', 'accepted'] as const;
export const invitationPreview = z
  .object({
    organisation: z.object({ name: z.string(), kind: organisationKind }),
    role: memberRole,
    email: z.string(),
    expiresAt: instant,
    state: z.enum(INVITATION_STATES),
    /** The asking account is a member already. */
    alreadyMember: z.boolean(),
  })
  .meta({ id: 'InvitationPreview' });
export type InvitationPreview = z.infer<typeof invitationPreview>;
export const acceptedInvitation = z.object({ organisationId: uuid, kind: organisationKind, role: memberRole }).meta({ id: 'AcceptedInvitation' });

export const apiToken = z
  .object({
    id: uuid,
    name: z.string(),
    /** The first characters of the token (vrk_xxxxxxxx), to recognise it; the rest is never stored. */
    prefix: z.string(),
    createdAt: instant,
    createdBy: z.string(),
    lastUsedAt: instant.nullable(),
    revokedAt: instant.nullable(),
  })
  .meta({ id: 'ApiToken' });
export type ApiToken = z.infer<typeof apiToken>;
export const apiTokens = z.object({ items: z.array(apiToken), maxActive: z.number().int().positive() }).meta({ id: 'ApiTokens' });
export type ApiTokens = z.infer<typeof apiTokens>;
export const createTokenBody = z.strictObject({ name: singleLineText({ min: 1, max: 100 }) });
/** The only answer that ever carries the token itself. */
export const createdToken = z.object({ token: z.string(), item: apiToken }).meta({ id: 'CreatedApiToken' });
export type CreatedToken = z.infer<typeof createdToken>;

/** Who an API token is: the organisation it acts for, and the token's name. */
export const tokenWhoAmI = z
  .object({ organisation: z.object({ id: uuid, kind: organisationKind, name: z.string() }), token: z.object({ id: uuid, name: z.string(), prefix: z.string() }) })
  .meta({ id: 'TokenWhoAmI' });

// ---- Staff: organisation requests.
export const staffOrganisationsQuery = z.strictObject({ status: organisationStatus.optional(), ...pageQuery(100, 25) });
export type StaffOrganisationsQuery = z.infer<typeof staffOrganisationsQuery>;
export const staffOrganisationItem = z
  .object({
    id: uuid,
    kind: organisationKind,
    name: z.string(),
    city: z.string().nullable(),
    status: organisationStatus,
    requestedAt: instant.nullable(),
    /** Days since the request; null for organisations that never asked (seeded ones). */
    ageDays: z.number().int().min(0).nullable(),
    requestedBy: z.string().nullable(),
  })
  .meta({ id: 'StaffOrganisationItem' });
export const staffOrganisations = page(staffOrganisationItem)
  .extend({ targetDays: z.number().int().positive().meta({ description: "The register's review target: a request waiting longer is overdue." }) })
  .meta({ id: 'StaffOrganisations' });
export type StaffOrganisations = z.infer<typeof staffOrganisations>;
export const staffOrganisation = z
  .object({
    ...details,
    requestedBy: z.object({ displayName: z.string(), email: z.string().nullable() }).nullable(),
    decidedAt: instant.nullable(),
    decidedBy: z.string().nullable(),
    ageDays: z.number().int().min(0).nullable(),
    memberCount: z.number().int().min(0),
    can: z.object({ decide: z.boolean() }),
  })
  .meta({ id: 'StaffOrganisation' });
export type StaffOrganisation = z.infer<typeof staffOrganisation>;
const refusalReason = freeText({ min: 5, max: 2000 });
export const organisationDecisionBody = z.discriminatedUnion('decision', [
  z.strictObject({ decision: z.literal('authorise') }),
  z.strictObject({ decision: z.literal('refuse'), reason: refusalReason }),
]);
export type OrganisationDecisionBody = z.infer<typeof organisationDecisionBody>;

const LOGGED_IN: readonly ErrorCode[] = ['unauthenticated', 'forbidden'];
// The same list as routes.ts's (a value import from there would be circular).
const JSON_BODY: readonly ErrorCode[] = ['malformed_body', 'payload_too_large', 'unsupported_encoding', 'unsupported_charset', 'csrf_origin_missing', 'csrf_origin_mismatch'];
/** What a call with an API token may be answered besides its own errors. */
export const TOKEN_ERRORS: readonly ErrorCode[] = ['invalid_token', 'rate_limited'];

export const ORGANISATION_ROUTES = {
  myOrganisations: {
    method: 'GET',
    path: '/api/my/organisations',
    summary: "The actor's organisations: status (pending, authorised, refused with the reason), role, what the actor may do",
    tag: 'organisation',
    query: noQuery,
    success: { status: 200, json: myOrganisations },
    errors: LOGGED_IN,
  },
  requestOrganisation: {
    method: 'POST',
    path: '/api/my/organisations',
    summary: 'Ask for a provider organisation account; it is pending until staff authorise it, the requester becomes its admin',
    tag: 'organisation',
    body: { json: requestOrganisationBody },
    success: { status: 201, json: myOrganisation },
    errors: [...LOGGED_IN, ...JSON_BODY, 'organisation_name_taken'],
  },
  organisation: {
    method: 'GET',
    path: '/api/organisations/:organisationId',
    summary: 'One of the actor’s organisations',
    tag: 'organisation',
    params: organisationParams,
    query: noQuery,
    success: { status: 200, json: myOrganisation },
    errors: [...LOGGED_IN, 'not_found'],
  },
  updateOrganisation: {
    method: 'PATCH',
    path: '/api/organisations/:organisationId',
    summary: "Change the organisation's details (admins)",
    tag: 'organisation',
    params: organisationParams,
    body: { json: updateOrganisationBody },
    success: { status: 200, json: myOrganisation },
    errors: [...LOGGED_IN, ...JSON_BODY, 'not_found', 'organisation_name_taken'],
  },
  organisationMembers: {
    method: 'GET',
    path: '/api/organisations/:organisationId/members',
    summary: "The organisation's members",
    tag: 'organisation',
    params: organisationParams,
    query: noQuery,
    success: { status: 200, json: members },
    errors: [...LOGGED_IN, 'not_found'],
  },
  removeMember: {
    method: 'DELETE',
    path: '/api/organisations/:organisationId/members/:accountId',
    summary: 'Remove a member (admins); the last admin cannot be removed',
    tag: 'organisation',
    params: memberParams,
    success: { status: 204 },
    errors: [...LOGGED_IN, ...JSON_BODY, 'not_found', 'last_admin'],
  },
  updateMember: {
    method: 'PATCH',
    path: '/api/organisations/:organisationId/members/:accountId',
    summary: "Change a member's role (admins); the last admin cannot become a member",
    tag: 'organisation',
    params: memberParams,
    body: { json: updateMemberBody },
    success: { status: 200, json: member },
    errors: [...LOGGED_IN, ...JSON_BODY, 'not_found', 'last_admin'],
  },
  organisationInvitations: {
    method: 'GET',
    path: '/api/organisations/:organisationId/invitations',
    summary: 'Open invitations (admins)',
    tag: 'organisation',
    params: organisationParams,
    query: noQuery,
    success: { status: 200, json: invitations },
    errors: [...LOGGED_IN, 'not_found'],
  },
  inviteMember: {
    method: 'POST',
    path: '/api/organisations/:organisationId/invitations',
    summary: 'Invite someone by e-mail as admin or member (admins of an authorised organisation); the mail carries a link with a secret',
    tag: 'organisation',
    params: organisationParams,
    body: { json: inviteBody },
    success: { status: 201, json: invitation },
    errors: [...LOGGED_IN, ...JSON_BODY, 'not_found', 'invitation_exists', 'already_member'],
  },
  revokeInvitation: {
    method: 'DELETE',
    path: '/api/organisations/:organisationId/invitations/:invitationId',
    summary: 'Revoke an open invitation (admins)',
    tag: 'organisation',
    params: invitationParams,
    success: { status: 204 },
    errors: [...LOGGED_IN, ...JSON_BODY, 'not_found', 'invitation_closed'],
  },
  organisationTokens: {
    method: 'GET',
    path: '/api/organisations/:organisationId/tokens',
    summary: "The organisation's API tokens (admins): name, prefix, created, last used, revoked; never the token",
    tag: 'organisation',
    params: organisationParams,
    query: noQuery,
    success: { status: 200, json: apiTokens },
    errors: [...LOGGED_IN, 'not_found'],
  },
  createToken: {
    method: 'POST',
    path: '/api/organisations/:organisationId/tokens',
    summary: 'Create a named API token (admins of an authorised organisation); the answer is the only time the token is shown',
    tag: 'organisation',
    params: organisationParams,
    body: { json: createTokenBody },
    success: { status: 201, json: createdToken },
    errors: [...LOGGED_IN, ...JSON_BODY, 'not_found', 'token_name_taken', 'token_limit_reached'],
  },
  revokeToken: {
    method: 'DELETE',
    path: '/api/organisations/:organisationId/tokens/:tokenId',
    summary: 'Revoke an API token (admins); calls with it are refused at once',
    tag: 'organisation',
    params: tokenParams,
    success: { status: 204 },
    errors: [...LOGGED_IN, ...JSON_BODY, 'not_found', 'token_revoked'],
  },
  invitationPreview: {
    method: 'POST',
    path: '/api/invitations/preview',
    summary: 'What an invitation link is for (the secret travels in the body, never in an address that gets logged)',
    tag: 'organisation',
    body: { json: invitationSecretBody },
    success: { status: 200, json: invitationPreview },
    errors: [...LOGGED_IN, ...JSON_BODY, 'not_found'],
  },
  acceptInvitation: {
    method: 'POST',
    path: '/api/invitations/accept',
    summary: "Accept an invitation: the account becomes a member and gets the organisation kind's role",
    tag: 'organisation',
    body: { json: invitationSecretBody },
    success: { status: 200, json: acceptedInvitation },
    errors: [...LOGGED_IN, ...JSON_BODY, 'not_found', 'invitation_expired', 'invitation_revoked', 'invitation_used', 'already_member'],
  },
  tokenWhoAmI: {
    method: 'GET',
    path: '/api/token',
    summary: 'With an API token (Authorization: Bearer): the organisation it acts for and its name',
    tag: 'organisation',
    query: noQuery,
    success: { status: 200, json: tokenWhoAmI },
    errors: [...LOGGED_IN, ...TOKEN_ERRORS],
  },

  staffOrganisations: {
    method: 'GET',
    path: '/api/staff/organisations',
    summary: 'Organisation requests, pending first and oldest first, with age in days',
    tag: 'staff',
    query: staffOrganisationsQuery,
    success: { status: 200, json: staffOrganisations },
    errors: LOGGED_IN,
  },
  staffOrganisation: {
    method: 'GET',
    path: '/api/staff/organisations/:organisationId',
    summary: 'One organisation request',
    tag: 'staff',
    params: organisationParams,
    query: noQuery,
    success: { status: 200, json: staffOrganisation },
    errors: [...LOGGED_IN, 'not_found'],
  },
  decideOrganisation: {
    method: 'POST',
    path: '/api/staff/organisations/:organisationId/decision',
    summary: 'Authorise a pending organisation, or refuse it with a reason; the requester is told by mail',
    tag: 'staff',
    params: organisationParams,
    body: { json: organisationDecisionBody },
    success: { status: 200, json: staffOrganisation },
    errors: [...LOGGED_IN, ...JSON_BODY, 'not_found', 'organisation_decided'],
  },
} as const satisfies Record<string, RouteContract>;
