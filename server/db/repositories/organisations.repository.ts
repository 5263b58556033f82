import { QueryFailedError, type DataSource, type EntityManager } from 'typeorm';
import type { MemberRole, OrganisationStatusCode } from '../../contract/organisations.js';
import { AppError } from '../../domain/errors.js';
import { cpdSettingsSchema, type CpdSettings } from '../../domain/register-rules.js';
import type { OrganisationKind } from '../../policies/actor.js';
import { rows } from '../sql.js';

// Raw SQL here on purpose: the inserts decide duplicates with ON CONFLICT DO NOTHING against the unique indexes
// (a caught 23505 would abort the caller's transaction), the decisions are conditional UPDATE … RETURNING, and the
// member and token changes lock the organisation row first, none of which QueryBuilder says plainly.

type Db = DataSource | EntityManager;

/**
 * The CPD rules organisations follow (token limits, invitation validity). Organisations are not per register: the
 * rules of the first register apply (there is one, Register Sociaal Werk).
 */
export async function organisationRules(db: Db): Promise<{ timeZone: string; cpd: CpdSettings }> {
  const [register] = await rows<{ settings: { timeZone?: unknown; cpd?: unknown } }>(db, `SELECT settings FROM registers ORDER BY created_at, code LIMIT 1`);
  if (!register) throw new Error('no register: run the migrations first');
  return { timeZone: String(register.settings.timeZone), cpd: cpdSettingsSchema.parse(register.settings.cpd) };
}

export interface OrganisationRow {
  id: string;
  kind: OrganisationKind;
  name: string;
  kvkNumber: string | null;
  contactName: string | null;
  contactEmail: string | null;
  phone: string | null;
  website: string | null;
  city: string | null;
  status: OrganisationStatusCode;
  refusalReason: string | null;
  requestedAt: Date | null;
  authorisedAt: Date | null;
  decidedAt: Date | null;
  requestedBy: string | null;
  decidedBy: string | null;
}

const ORG_COLUMNS = `o.id, o.kind, o.name, o.kvk_number AS "kvkNumber", o.contact_name AS "contactName", o.contact_email AS "contactEmail",
  o.phone, o.website, o.city, o.status, o.refusal_reason AS "refusalReason", o.requested_at AS "requestedAt",
  o.authorised_at AS "authorisedAt", o.decided_at AS "decidedAt", o.requested_by AS "requestedBy", o.decided_by AS "decidedBy"`;

const nameTaken = () => new AppError('organisation_name_taken', 'There is already an organisation of this kind with that name.');

function isUniqueViolation(err: unknown, constraint: string): boolean {
  if (!(err instanceof QueryFailedError)) return false;
  const driver = (err as QueryFailedError & { driverError?: { code?: string; constraint?: string } }).driverError;
  return driver?.code === '23505' && driver.constraint === constraint;
}

export interface OrganisationFields {
  name: string;
  kvkNumber: string;
  contactName: string;
  contactEmail: string;
  phone: string;
  website: string;
  city: string;
}

/**
 * A new pending organisation with its requester as admin. Null when the name is taken (for its kind): the unique
 * constraint decides, so of two concurrent requests one gets the organisation and the other null.
 */
export async function insertOrganisationRequest(m: EntityManager, kind: OrganisationKind, f: OrganisationFields, requestedBy: string): Promise<string | null> {
  const [row] = await rows<{ id: string }>(
    m,
    `INSERT INTO organisations (kind, name, kvk_number, contact_name, contact_email, phone, website, city, status, requested_by, requested_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'pending', $9, now())
     ON CONFLICT (kind, name) DO NOTHING RETURNING id`,
    [kind, f.name, f.kvkNumber, f.contactName, f.contactEmail, f.phone, f.website, f.city, requestedBy],
  );
  if (!row) return null;
  await addMember(m, row.id, requestedBy, 'admin');
  return row.id;
}

/** Membership and the organisation kind's role (account_roles), idempotently. */
export async function addMember(m: EntityManager, organisationId: string, accountId: string, role: MemberRole): Promise<boolean> {
  const inserted = await rows<{ account_id: string }>(
    m,
    `INSERT INTO organisation_members (organisation_id, account_id, role) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING account_id`,
    [organisationId, accountId, role],
  );
  await m.query(`INSERT INTO account_roles (account_id, role) SELECT $2, kind FROM organisations WHERE id = $1 ON CONFLICT DO NOTHING`, [organisationId, accountId]);
  return inserted.length > 0;
}

export async function findOrganisation(db: Db, id: string, options: { lock?: boolean } = {}): Promise<OrganisationRow | null> {
  const [row] = await rows<OrganisationRow>(db, `SELECT ${ORG_COLUMNS} FROM organisations o WHERE o.id = $1${options.lock ? ' FOR UPDATE' : ''}`, [id]);
  return row ?? null;
}

export interface MyOrganisationRow extends OrganisationRow {
  role: MemberRole;
}

export async function organisationsOf(db: Db, accountId: string): Promise<MyOrganisationRow[]> {
  return rows<MyOrganisationRow>(
    db,
    `SELECT ${ORG_COLUMNS}, mb.role FROM organisation_members mb JOIN organisations o ON o.id = mb.organisation_id
      WHERE mb.account_id = $1 ORDER BY o.name, o.id`,
    [accountId],
  );
}

const UPDATABLE: Record<keyof OrganisationFields, string> = {
  name: 'name',
  kvkNumber: 'kvk_number',
  contactName: 'contact_name',
  contactEmail: 'contact_email',
  phone: 'phone',
  website: 'website',
  city: 'city',
};

export async function updateOrganisationDetails(m: EntityManager, id: string, changes: Partial<OrganisationFields>): Promise<void> {
  const keys = (Object.keys(changes) as Array<keyof OrganisationFields>).filter((k) => changes[k] !== undefined);
  if (keys.length === 0) return;
  const sets = keys.map((k, i) => `${UPDATABLE[k]} = $${i + 2}`).join(', ');
  try {
    await m.query(`UPDATE organisations SET ${sets} WHERE id = $1`, [id, ...keys.map((k) => changes[k])]);
  } catch (err) {
    // The caller's transaction is lost anyway: the error ends it.
    if (isUniqueViolation(err, 'organisations_kind_name_key')) throw nameTaken();
    throw err;
  }
}

export { nameTaken };

// ---- Staff decisions.

/** Authorise or refuse, only from pending: of two concurrent decisions one updates a row and the other none. */
export async function decideOrganisation(m: EntityManager, id: string, decision: { to: 'authorised' } | { to: 'refused'; reason: string }, staffAccountId: string): Promise<boolean> {
  const updated = await rows<{ id: string }>(
    m,
    `UPDATE organisations
        SET status = $2, authorised_at = CASE WHEN $2 = 'authorised' THEN now() END, refusal_reason = $3, decided_by = $4, decided_at = now()
      WHERE id = $1 AND status = 'pending' RETURNING id`,
    [id, decision.to, decision.to === 'refused' ? decision.reason : null, staffAccountId],
  );
  return updated.length > 0;
}

export interface StaffOrganisationRow extends OrganisationRow {
  requesterName: string | null;
  requesterEmail: string | null;
  deciderName: string | null;
  memberCount: number;
}

export async function staffOrganisationList(db: Db, q: { status: OrganisationStatusCode | null; limit: number; offset: number }): Promise<{ rows: StaffOrganisationRow[]; total: number }> {
  const found = await rows<StaffOrganisationRow & { total: string }>(
    db,
    `SELECT ${ORG_COLUMNS}, r.display_name AS "requesterName", r.email AS "requesterEmail", d.display_name AS "deciderName",
            (SELECT count(*)::int FROM organisation_members mb WHERE mb.organisation_id = o.id) AS "memberCount",
            count(*) OVER () AS total
       FROM organisations o
       LEFT JOIN accounts r ON r.id = o.requested_by
       LEFT JOIN accounts d ON d.id = o.decided_by
      WHERE ($1::text IS NULL OR o.status = $1)
      ORDER BY (o.status = 'pending') DESC, o.requested_at ASC NULLS LAST, o.name, o.id
      LIMIT $2 OFFSET $3`,
    [q.status, q.limit, q.offset],
  );
  return { rows: found, total: found[0] ? Number(found[0].total) : 0 };
}

export async function staffOrganisationDetail(db: Db, id: string): Promise<StaffOrganisationRow | null> {
  const [row] = await rows<StaffOrganisationRow>(
    db,
    `SELECT ${ORG_COLUMNS}, r.display_name AS "requesterName", r.email AS "requesterEmail", d.display_name AS "deciderName",
            (SELECT count(*)::int FROM organisation_members mb WHERE mb.organisation_id = o.id) AS "memberCount"
       FROM organisations o LEFT JOIN accounts r ON r.id = o.requested_by LEFT JOIN accounts d ON d.id = o.decided_by
      WHERE o.id = $1`,
    [id],
  );
  return row ?? null;
}

// ---- Members.

export interface MemberRow {
  accountId: string;
  displayName: string;
  email: string | null;
  role: MemberRole;
  since: Date;
}

export async function listMembers(db: Db, organisationId: string): Promise<MemberRow[]> {
  return rows<MemberRow>(
    db,
    `SELECT mb.account_id AS "accountId", a.display_name AS "displayName", a.email, mb.role, mb.created_at AS since
       FROM organisation_members mb JOIN accounts a ON a.id = mb.account_id
      WHERE mb.organisation_id = $1 ORDER BY mb.role, a.display_name, a.id`,
    [organisationId],
  );
}

/**
 * Removes a membership; the kind's role goes too when the account is no member of another organisation of that
 * kind. The caller holds the organisation row's lock, so two admins removing each other cannot both succeed.
 */
export async function deleteMember(m: EntityManager, organisationId: string, accountId: string): Promise<void> {
  await m.query(`DELETE FROM organisation_members WHERE organisation_id = $1 AND account_id = $2`, [organisationId, accountId]);
  await m.query(
    `DELETE FROM account_roles ar USING organisations o
      WHERE o.id = $1 AND ar.account_id = $2 AND ar.role = o.kind
        AND NOT EXISTS (SELECT 1 FROM organisation_members mb JOIN organisations o2 ON o2.id = mb.organisation_id WHERE mb.account_id = $2 AND o2.kind = o.kind)`,
    [organisationId, accountId],
  );
}

/** The caller holds the organisation row's lock (see deleteMember). */
export async function updateMemberRole(m: EntityManager, organisationId: string, accountId: string, role: MemberRole): Promise<void> {
  await m.query(`UPDATE organisation_members SET role = $3 WHERE organisation_id = $1 AND account_id = $2`, [organisationId, accountId, role]);
}

// ---- Invitations.

export interface InvitationRow {
  id: string;
  organisationId: string;
  email: string;
  role: MemberRole;
  invitedBy: string;
  inviterName: string;
  createdAt: Date;
  expiresAt: Date;
  acceptedAt: Date | null;
  revokedAt: Date | null;
}

const INVITATION_COLUMNS = `i.id, i.organisation_id AS "organisationId", i.email, i.role, i.invited_by AS "invitedBy", a.display_name AS "inviterName",
  i.created_at AS "createdAt", i.expires_at AS "expiresAt", i.accepted_at AS "acceptedAt", i.revoked_at AS "revokedAt"`;

/** Null when the address has an open invitation already (the partial unique index decides). */
export async function insertInvitation(
  m: EntityManager,
  i: { organisationId: string; email: string; role: MemberRole; tokenHash: string; invitedBy: string; createdAt: Date; expiresAt: Date },
): Promise<InvitationRow | null> {
  const [row] = await rows<{ id: string }>(
    m,
    `INSERT INTO organisation_invitations (organisation_id, email, role, token_hash, invited_by, created_at, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING RETURNING id`,
    [i.organisationId, i.email, i.role, i.tokenHash, i.invitedBy, i.createdAt, i.expiresAt],
  );
  if (!row) return null;
  const [found] = await rows<InvitationRow>(m, `SELECT ${INVITATION_COLUMNS} FROM organisation_invitations i JOIN accounts a ON a.id = i.invited_by WHERE i.id = $1`, [row.id]);
  return found!;
}

export async function isMemberByEmail(db: Db, organisationId: string, email: string): Promise<boolean> {
  const found = await rows<{ one: number }>(
    db,
    `SELECT 1 AS one FROM organisation_members mb JOIN accounts a ON a.id = mb.account_id WHERE mb.organisation_id = $1 AND lower(a.email) = $2 LIMIT 1`,
    [organisationId, email],
  );
  return found.length > 0;
}

export async function openInvitations(db: Db, organisationId: string): Promise<InvitationRow[]> {
  return rows<InvitationRow>(
    db,
    `SELECT ${INVITATION_COLUMNS} FROM organisation_invitations i JOIN accounts a ON a.id = i.invited_by
      WHERE i.organisation_id = $1 AND i.accepted_at IS NULL AND i.revoked_at IS NULL ORDER BY i.created_at DESC, i.id`,
    [organisationId],
  );
}

export async function findInvitation(db: Db, organisationId: string, invitationId: string, options: { lock?: boolean } = {}): Promise<InvitationRow | null> {
  const [row] = await rows<InvitationRow>(
    db,
    `SELECT ${INVITATION_COLUMNS} FROM organisation_invitations i JOIN accounts a ON a.id = i.invited_by
      WHERE i.organisation_id = $1 AND i.id = $2${options.lock ? ' FOR UPDATE OF i' : ''}`,
    [organisationId, invitationId],
  );
  return row ?? null;
}

export async function findInvitationByHash(db: Db, tokenHash: string, options: { lock?: boolean } = {}): Promise<(InvitationRow & { organisationName: string; kind: OrganisationKind }) | null> {
  const [row] = await rows<InvitationRow & { organisationName: string; kind: OrganisationKind }>(
    db,
    `SELECT ${INVITATION_COLUMNS}, o.name AS "organisationName", o.kind
       FROM organisation_invitations i JOIN accounts a ON a.id = i.invited_by JOIN organisations o ON o.id = i.organisation_id
      WHERE i.token_hash = $1${options.lock ? ' FOR UPDATE OF i' : ''}`,
    [tokenHash],
  );
  return row ?? null;
}

export async function isMember(db: Db, organisationId: string, accountId: string): Promise<boolean> {
  const found = await rows<{ one: number }>(db, `SELECT 1 AS one FROM organisation_members WHERE organisation_id = $1 AND account_id = $2`, [organisationId, accountId]);
  return found.length > 0;
}

/** Only an open invitation is revoked or accepted; false when it was closed first (by someone else). */
export async function closeInvitation(m: EntityManager, id: string, how: { revoked: true } | { acceptedBy: string }): Promise<boolean> {
  const updated =
    'revoked' in how
      ? await rows<{ id: string }>(m, `UPDATE organisation_invitations SET revoked_at = now() WHERE id = $1 AND accepted_at IS NULL AND revoked_at IS NULL RETURNING id`, [id])
      : await rows<{ id: string }>(
          m,
          `UPDATE organisation_invitations SET accepted_at = now(), accepted_by = $2 WHERE id = $1 AND accepted_at IS NULL AND revoked_at IS NULL RETURNING id`,
          [id, how.acceptedBy],
        );
  return updated.length > 0;
}

// ---- API tokens.

export interface TokenRow {
  id: string;
  organisationId: string;
  name: string;
  prefix: string;
  createdAt: Date;
  createdBy: string;
  creatorName: string;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

const TOKEN_COLUMNS = `t.id, t.organisation_id AS "organisationId", t.name, t.token_prefix AS prefix, t.created_at AS "createdAt", t.created_by AS "createdBy",
  a.display_name AS "creatorName", t.last_used_at AS "lastUsedAt", t.revoked_at AS "revokedAt"`;

export async function listTokens(db: Db, organisationId: string): Promise<TokenRow[]> {
  return rows<TokenRow>(
    db,
    `SELECT ${TOKEN_COLUMNS} FROM api_tokens t JOIN accounts a ON a.id = t.created_by
      WHERE t.organisation_id = $1 ORDER BY (t.revoked_at IS NULL) DESC, t.created_at DESC, t.id`,
    [organisationId],
  );
}

export async function countActiveTokens(m: EntityManager, organisationId: string): Promise<number> {
  const [row] = await rows<{ n: number }>(m, `SELECT count(*)::int AS n FROM api_tokens WHERE organisation_id = $1 AND revoked_at IS NULL`, [organisationId]);
  return row?.n ?? 0;
}

/** Null when an active token of the organisation has that name (the partial unique index decides). */
export async function insertToken(m: EntityManager, t: { organisationId: string; name: string; prefix: string; hash: string; createdBy: string }): Promise<TokenRow | null> {
  const [row] = await rows<{ id: string }>(
    m,
    `INSERT INTO api_tokens (organisation_id, name, token_prefix, token_hash, created_by) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (organisation_id, name) WHERE revoked_at IS NULL DO NOTHING RETURNING id`,
    [t.organisationId, t.name, t.prefix, t.hash, t.createdBy],
  );
  if (!row) return null;
  return (await findToken(m, t.organisationId, row.id))!;
}

export async function findToken(db: Db, organisationId: string, tokenId: string): Promise<TokenRow | null> {
  const [row] = await rows<TokenRow>(db, `SELECT ${TOKEN_COLUMNS} FROM api_tokens t JOIN accounts a ON a.id = t.created_by WHERE t.organisation_id = $1 AND t.id = $2`, [
    organisationId,
    tokenId,
  ]);
  return row ?? null;
}

export async function revokeTokenRow(m: EntityManager, tokenId: string, revokedBy: string): Promise<boolean> {
  const updated = await rows<{ id: string }>(m, `UPDATE api_tokens SET revoked_at = now(), revoked_by = $2 WHERE id = $1 AND revoked_at IS NULL RETURNING id`, [tokenId, revokedBy]);
  return updated.length > 0;
}

export interface ActiveToken {
  id: string;
  organisationId: string;
  name: string;
  prefix: string;
  lastUsedAt: Date | null;
  kind: OrganisationKind;
  organisationName: string;
  status: OrganisationStatusCode;
}

/** The active token with this hash, with its organisation; every call asks afresh, so a revocation counts at once. */
export async function findActiveTokenByHash(db: Db, hash: string): Promise<ActiveToken | null> {
  const [row] = await rows<ActiveToken>(
    db,
    `SELECT t.id, t.organisation_id AS "organisationId", t.name, t.token_prefix AS prefix, t.last_used_at AS "lastUsedAt",
            o.kind, o.name AS "organisationName", o.status
       FROM api_tokens t JOIN organisations o ON o.id = t.organisation_id
      WHERE t.token_hash = $1 AND t.revoked_at IS NULL`,
    [hash],
  );
  return row ?? null;
}

/** Records a use, at most about once a minute per token (the condition keeps concurrent calls from all writing). */
export async function touchToken(db: Db, tokenId: string): Promise<void> {
  await db.query(`UPDATE api_tokens SET last_used_at = now() WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')`, [tokenId]);
}
