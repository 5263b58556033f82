import type { Logger } from 'pino';
import type { DataSource, EntityManager } from 'typeorm';
import type {
  CreatedToken,
  InviteBody,
  MyOrganisation,
  OrganisationDecisionBody,
  RequestOrganisationBody,
  StaffOrganisationsQuery,
  UpdateOrganisationBody,
} from '../../contract/organisations.js';
import { recordAudit } from '../../db/repositories/audit.repository.js';
import { queueEmail } from '../../db/repositories/email-outbox.repository.js';
import {
  addMember,
  closeInvitation,
  countActiveTokens,
  decideOrganisation,
  deleteMember,
  findActiveTokenByHash,
  findInvitation,
  findInvitationByHash,
  findOrganisation,
  findToken,
  insertInvitation,
  insertOrganisationRequest,
  insertToken,
  isMember,
  isMemberByEmail,
  listMembers,
  listTokens,
  nameTaken,
  openInvitations,
  organisationRules,
  organisationsOf,
  revokeTokenRow,
  staffOrganisationDetail,
  staffOrganisationList,
  touchToken,
  updateMemberRole,
  updateOrganisationDetails,
  type OrganisationRow,
} from '../../db/repositories/organisations.repository.js';
import { AppError, notFound } from '../../domain/errors.js';
import { apiTokenHash, ageInDays, canDecideOrganisation, demotesLastAdmin, invitationExpiry, invitationState, lastUsedIsStale, newApiToken, newInvitationSecret, removesLastAdmin, sha256Hex } from '../../domain/organisations.js';
import { todayIn } from '../../domain/plain-date.js';
import { enqueue, type Queues } from '../../jobs/registry.js';
import type { Actor } from '../../policies/actor.js';
import { authorize, type Action } from '../../policies/policy.js';
import { presentInvitation, presentMember, presentMyOrganisation, presentStaffOrganisation, presentToken } from './organisations.presenter.js';

interface Deps {
  db: DataSource;
  queues: Queues;
  logger: Logger;
}

interface Context {
  actor: Actor;
  requestId: string | null;
}

/** The token behind an API call, as the HTTP layer needs it to answer, limit and log it. */
export interface TokenCaller {
  actor: Actor;
  tokenId: string;
  requestsPerMinute: number;
}

const RULES_TTL_MS = 60_000;

/**
 * Organisations: the request for an account and staff's decision on it, members and invitations, API tokens and
 * the resolution of a token to its actor. Every change writes an audit row in its own transaction; mail is queued in
 * that transaction and enqueued after commit.
 */
export class OrganisationsService {
  /** The register's token rate limit, read at most once a minute (token validity itself is never cached). */
  private rulesCache: { at: number; requestsPerMinute: number } | null = null;

  constructor(private readonly deps: Deps) {}

  /** The audit row of a change to an organisation by the acting account, written in the change's transaction. */
  private audit(m: EntityManager, ctx: Context, organisationId: string, action: string, details?: Record<string, unknown>): Promise<void> {
    return recordAudit(m, { actorAccountId: this.accountId(ctx.actor), action, subjectType: 'organisation', subjectId: organisationId, ...(details ? { details } : {}), requestId: ctx.requestId });
  }

  private accountId(actor: Actor): string {
    if (!actor.account) throw new Error('an account is required here (the policy lets only accounts in)');
    return actor.account.id;
  }

  private async sendAfterCommit(outboxId: string | null): Promise<void> {
    if (!outboxId) return;
    await enqueue(this.deps.queues, 'email.send', { outboxId }).catch((err: unknown) => this.deps.logger.warn({ err, outboxId }, 'mail not enqueued; the outbox sweep will retry'));
  }

  /** The row the actor may act on: 404 for an organisation that is not (or no longer) the actor's. */
  private async organisationFor(db: DataSource | EntityManager, actor: Actor, action: Action, organisationId: string, lock = false): Promise<OrganisationRow> {
    authorize(actor, action, { organisationId });
    const o = await findOrganisation(db, organisationId, { lock });
    if (!o) throw notFound('Organisation');
    return o;
  }

  private roleIn(actor: Actor, organisationId: string): 'admin' | 'member' {
    return actor.memberships.find((m) => m.organisationId === organisationId)?.role ?? 'member';
  }

  /** The actor as it is after a change to its own memberships in this request (the policy answers for the new state). */
  private withMembership(actor: Actor, o: OrganisationRow, role: 'admin' | 'member'): Actor {
    const kindRole = o.kind;
    return {
      ...actor,
      roles: actor.roles.includes(kindRole) ? actor.roles : [...actor.roles, kindRole].sort(),
      memberships: [...actor.memberships.filter((m) => m.organisationId !== o.id), { organisationId: o.id, kind: o.kind, role, authorised: o.status === 'authorised' }],
    };
  }

  // ---- The actor's own organisations.

  async mine(actor: Actor): Promise<{ items: MyOrganisation[] }> {
    const found = await organisationsOf(this.deps.db, this.accountId(actor));
    return { items: found.map((o) => presentMyOrganisation(o, o.role, this.withMembership(actor, o, o.role))) };
  }

  async request(ctx: Context, body: RequestOrganisationBody): Promise<MyOrganisation> {
    const accountId = this.accountId(ctx.actor);
    const { kind, ...fields } = body;
    const created = await this.deps.db.transaction(async (m) => {
      const id = await insertOrganisationRequest(m, kind, fields, accountId);
      if (!id) throw nameTaken();
      await this.audit(m, ctx, id, 'organisation.requested', { kind, name: fields.name });
      return (await findOrganisation(m, id))!;
    });
    return presentMyOrganisation(created, 'admin', this.withMembership(ctx.actor, created, 'admin'));
  }

  async get(actor: Actor, organisationId: string): Promise<MyOrganisation> {
    const o = await this.organisationFor(this.deps.db, actor, 'organisation.read', organisationId);
    return presentMyOrganisation(o, this.roleIn(actor, o.id), actor);
  }

  async update(ctx: Context, organisationId: string, body: UpdateOrganisationBody): Promise<MyOrganisation> {
    const updated = await this.deps.db.transaction(async (m) => {
      const before = await this.organisationFor(m, ctx.actor, 'organisation.edit', organisationId, true);
      await updateOrganisationDetails(m, organisationId, body);
      const changed = Object.fromEntries(Object.entries(body).filter(([k, v]) => before[k as keyof OrganisationRow] !== v));
      await this.audit(m, ctx, organisationId, 'organisation.updated', { changed });
      return (await findOrganisation(m, organisationId))!;
    });
    return presentMyOrganisation(updated, this.roleIn(ctx.actor, organisationId), ctx.actor);
  }

  // ---- Members and invitations.

  async members(actor: Actor, organisationId: string) {
    await this.organisationFor(this.deps.db, actor, 'organisation.members.read', organisationId);
    return { items: (await listMembers(this.deps.db, organisationId)).map(presentMember) };
  }

  async removeMember(ctx: Context, organisationId: string, accountId: string): Promise<void> {
    await this.deps.db.transaction(async (m) => {
      // The organisation's row lock serialises member changes: two admins removing each other cannot both win.
      await this.organisationFor(m, ctx.actor, 'organisation.members.manage', organisationId, true);
      const current = await listMembers(m, organisationId);
      const target = current.find((x) => x.accountId === accountId);
      if (!target) throw notFound('Member');
      if (removesLastAdmin(current, accountId)) throw new AppError('last_admin', 'An organisation keeps at least one admin: make someone else admin first.');
      await deleteMember(m, organisationId, accountId);
      await this.audit(m, ctx, organisationId, 'organisation.member_removed', { accountId, role: target.role });
    });
  }

  async updateMember(ctx: Context, organisationId: string, accountId: string, role: 'admin' | 'member') {
    return this.deps.db.transaction(async (m) => {
      await this.organisationFor(m, ctx.actor, 'organisation.members.manage', organisationId, true);
      const current = await listMembers(m, organisationId);
      const target = current.find((x) => x.accountId === accountId);
      if (!target) throw notFound('Member');
      if (demotesLastAdmin(current, accountId, role)) throw new AppError('last_admin', 'An organisation keeps at least one admin: make someone else admin first.');
      if (target.role !== role) {
        await updateMemberRole(m, organisationId, accountId, role);
        await this.audit(m, ctx, organisationId, 'organisation.member_role_changed', { accountId, from: target.role, to: role });
      }
      return presentMember({ ...target, role });
    });
  }

  async invitations(actor: Actor, organisationId: string, now = new Date()) {
    await this.organisationFor(this.deps.db, actor, 'organisation.members.manage', organisationId);
    return { items: (await openInvitations(this.deps.db, organisationId)).map((i) => presentInvitation(i, now)) };
  }

  async invite(ctx: Context, organisationId: string, body: InviteBody, now = new Date()) {
    const { timeZone, cpd } = await organisationRules(this.deps.db);
    const { secret, hash } = newInvitationSecret();
    const result = await this.deps.db.transaction(async (m) => {
      const o = await this.organisationFor(m, ctx.actor, 'organisation.members.invite', organisationId);
      if (await isMemberByEmail(m, organisationId, body.email)) throw new AppError('already_member', 'Someone with this address is a member already.');
      const expiresAt = invitationExpiry(now, cpd.invitations.validDays);
      const row = await insertInvitation(m, { organisationId, email: body.email, role: body.role, tokenHash: hash, invitedBy: this.accountId(ctx.actor), createdAt: now, expiresAt });
      if (!row) throw new AppError('invitation_exists', 'There is an open invitation for this address already; revoke it to send a new one.');
      await this.audit(m, ctx, organisationId, 'organisation.invitation_created', { invitationId: row.id, email: body.email, role: body.role });
      // The secret travels to the mail worker in the outbox row only, and is removed from it once the mail is sent.
      const outboxId = await queueEmail(m, {
        dedupeKey: `invitation:${row.id}`,
        template: 'organisation_invitation',
        toAddress: body.email,
        accountId: null,
        params: { organisation: o.name, inviter: row.inviterName, role: body.role, expiresOn: todayIn(timeZone, expiresAt), secret },
      });
      return { row, outboxId };
    });
    await this.sendAfterCommit(result.outboxId);
    return presentInvitation(result.row, now);
  }

  async revokeInvitation(ctx: Context, organisationId: string, invitationId: string): Promise<void> {
    await this.deps.db.transaction(async (m) => {
      await this.organisationFor(m, ctx.actor, 'organisation.members.manage', organisationId);
      const found = await findInvitation(m, organisationId, invitationId, { lock: true });
      if (!found) throw notFound('Invitation');
      if (!(await closeInvitation(m, invitationId, { revoked: true }))) throw new AppError('invitation_closed', 'The invitation was accepted or revoked already.');
      await this.audit(m, ctx, organisationId, 'organisation.invitation_revoked', { invitationId, email: found.email });
    });
  }

  async preview(actor: Actor, secret: string, now = new Date()) {
    const found = await findInvitationByHash(this.deps.db, sha256Hex(secret));
    if (!found) throw notFound('Invitation');
    return {
      organisation: { name: found.organisationName, kind: found.kind },
      role: found.role,
      email: found.email,
      expiresAt: found.expiresAt.toISOString(),
      state: invitationState(found, now),
      alreadyMember: await isMember(this.deps.db, found.organisationId, this.accountId(actor)),
    };
  }

  /** Any logged-in account may accept (the link went to an address, not an account); it gets the kind's role. */
  async accept(ctx: Context, secret: string, now = new Date()) {
    const accountId = this.accountId(ctx.actor);
    return this.deps.db.transaction(async (m) => {
      const found = await findInvitationByHash(m, sha256Hex(secret), { lock: true });
      if (!found) throw notFound('Invitation');
      const state = invitationState(found, now);
      switch (state) {
        case 'open':
          break;
        case 'expired':
          throw new AppError('invitation_expired', 'The invitation has expired; ask the organisation for a new one.', { expiresAt: found.expiresAt.toISOString() });
        case 'revoked':
          throw new AppError('invitation_revoked', 'The invitation was revoked by the organisation.');
        case 'accepted':
          throw new AppError('invitation_used', 'The invitation was accepted already.');
        default: {
          const exhaustive: never = state;
          throw new Error(`unknown invitation state ${String(exhaustive)}`);
        }
      }
      if (!(await addMember(m, found.organisationId, accountId, found.role))) throw new AppError('already_member', 'You are a member of this organisation already.');
      await closeInvitation(m, found.id, { acceptedBy: accountId });
      await this.audit(m, ctx, found.organisationId, 'organisation.invitation_accepted', { invitationId: found.id, role: found.role, email: found.email });
      return { organisationId: found.organisationId, kind: found.kind, role: found.role };
    });
  }

  // ---- API tokens.

  async tokens(actor: Actor, organisationId: string) {
    await this.organisationFor(this.deps.db, actor, 'organisation.tokens.manage', organisationId);
    const { cpd } = await organisationRules(this.deps.db);
    return { items: (await listTokens(this.deps.db, organisationId)).map(presentToken), maxActive: cpd.apiTokens.maxActivePerOrganisation };
  }

  async createToken(ctx: Context, organisationId: string, name: string): Promise<CreatedToken> {
    const { cpd } = await organisationRules(this.deps.db);
    const made = newApiToken();
    const row = await this.deps.db.transaction(async (m) => {
      // The row lock makes count-then-insert safe: concurrent creations queue here, so the limit holds.
      await this.organisationFor(m, ctx.actor, 'organisation.tokens.create', organisationId, true);
      const maxActive = cpd.apiTokens.maxActivePerOrganisation;
      if ((await countActiveTokens(m, organisationId)) >= maxActive) throw new AppError('token_limit_reached', `An organisation may have at most ${maxActive} active API tokens.`, { maxActive });
      const inserted = await insertToken(m, { organisationId, name, prefix: made.prefix, hash: made.hash, createdBy: this.accountId(ctx.actor) });
      if (!inserted) throw new AppError('token_name_taken', 'The organisation has an active API token with that name already.');
      await this.audit(m, ctx, organisationId, 'organisation.token_created', { tokenId: inserted.id, name, prefix: made.prefix });
      return inserted;
    });
    return { token: made.token, item: presentToken(row) };
  }

  async revokeToken(ctx: Context, organisationId: string, tokenId: string): Promise<void> {
    await this.deps.db.transaction(async (m) => {
      await this.organisationFor(m, ctx.actor, 'organisation.tokens.manage', organisationId);
      const found = await findToken(m, organisationId, tokenId);
      if (!found) throw notFound('API token');
      if (!(await revokeTokenRow(m, tokenId, this.accountId(ctx.actor)))) throw new AppError('token_revoked', 'The API token was revoked already.');
      await this.audit(m, ctx, organisationId, 'organisation.token_revoked', { tokenId, name: found.name, prefix: found.prefix });
    });
  }

  /**
   * The caller behind a presented bearer token, or null when it is malformed, unknown or revoked. Asked of the
   * database on every call (a revocation counts at once); the last use is written about once a minute.
   */
  async tokenCaller(presented: string, now = new Date()): Promise<TokenCaller | null> {
    const hash = apiTokenHash(presented);
    if (!hash) return null;
    const found = await findActiveTokenByHash(this.deps.db, hash);
    if (!found) return null;
    if (lastUsedIsStale(found.lastUsedAt, now)) {
      await touchToken(this.deps.db, found.id).catch((err: unknown) => this.deps.logger.warn({ err, tokenId: found.id }, 'token last use not recorded'));
    }
    return {
      tokenId: found.id,
      requestsPerMinute: await this.tokenRequestsPerMinute(now),
      actor: {
        account: null,
        roles: [],
        person: null,
        memberships: [{ organisationId: found.organisationId, kind: found.kind, role: 'member', authorised: found.status === 'authorised' }],
        token: { id: found.id, organisationId: found.organisationId },
      },
    };
  }

  private async tokenRequestsPerMinute(now: Date): Promise<number> {
    if (this.rulesCache && now.getTime() - this.rulesCache.at < RULES_TTL_MS) return this.rulesCache.requestsPerMinute;
    const { cpd } = await organisationRules(this.deps.db);
    this.rulesCache = { at: now.getTime(), requestsPerMinute: cpd.apiTokens.requestsPerMinute };
    return this.rulesCache.requestsPerMinute;
  }

  async whoAmI(actor: Actor) {
    if (!actor.token) throw new Error('token.whoami lets only API tokens in');
    const o = await findOrganisation(this.deps.db, actor.token.organisationId);
    const t = await findToken(this.deps.db, actor.token.organisationId, actor.token.id);
    if (!o || !t) throw notFound('API token');
    return { organisation: { id: o.id, kind: o.kind, name: o.name }, token: { id: t.id, name: t.name, prefix: t.prefix } };
  }

  // ---- Staff.

  async staffList(q: StaffOrganisationsQuery, now = new Date()) {
    const { rows: found, total } = await staffOrganisationList(this.deps.db, { status: q.status ?? null, limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
    const { cpd } = await organisationRules(this.deps.db);
    return {
      targetDays: cpd.review.targetDays,
      items: found.map((o) => ({
        id: o.id,
        kind: o.kind,
        name: o.name,
        city: o.city,
        status: o.status,
        requestedAt: o.requestedAt ? o.requestedAt.toISOString() : null,
        ageDays: o.status === 'pending' ? ageInDays(o.requestedAt, now) : null,
        requestedBy: o.requesterName,
      })),
      total,
      page: q.page,
      pageSize: q.pageSize,
    };
  }

  async staffDetail(id: string, now = new Date()) {
    const found = await staffOrganisationDetail(this.deps.db, id);
    if (!found) throw notFound('Organisation');
    return presentStaffOrganisation(found, now);
  }

  /** Authorise or refuse a pending request, once: a second (or concurrent) decision gets organisation_decided. */
  async decide(ctx: Context, id: string, body: OrganisationDecisionBody) {
    const staffAccountId = this.accountId(ctx.actor);
    const outboxId = await this.deps.db.transaction(async (m) => {
      const before = await findOrganisation(m, id);
      if (!before) throw notFound('Organisation');
      const decision = body.decision === 'authorise' ? ({ to: 'authorised' } as const) : ({ to: 'refused', reason: body.reason } as const);
      const decided = canDecideOrganisation(before.status) && (await decideOrganisation(m, id, decision, staffAccountId));
      if (!decided) {
        const now = await findOrganisation(m, id);
        throw new AppError('organisation_decided', 'Staff decided on this organisation already; reload.', { status: now?.status ?? before.status });
      }
      await this.audit(m, ctx, id, decision.to === 'authorised' ? 'organisation.authorised' : 'organisation.refused', decision.to === 'refused' ? { reason: decision.reason } : {});
      const after = (await staffOrganisationDetail(m, id))!;
      const to = after.requesterEmail ?? after.contactEmail;
      if (!to) return null;
      return queueEmail(m, {
        dedupeKey: `organisation-decision:${id}`,
        template: decision.to === 'authorised' ? 'organisation_authorised' : 'organisation_refused',
        toAddress: to,
        accountId: after.requesterEmail ? after.requestedBy : null,
        params: { organisation: after.name, reason: decision.to === 'refused' ? decision.reason : null },
      });
    });
    await this.sendAfterCommit(outboxId);
    return this.staffDetail(id);
  }
}
