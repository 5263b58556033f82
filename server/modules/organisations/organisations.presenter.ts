import type { ApiToken, Invitation, Member, MyOrganisation, StaffOrganisation } from '../../contract/organisations.js';
import type { InvitationRow, MemberRow, OrganisationRow, StaffOrganisationRow, TokenRow } from '../../db/repositories/organisations.repository.js';
import { ageInDays, canDecideOrganisation } from '../../domain/organisations.js';
import type { Actor } from '../../policies/actor.js';
import { can } from '../../policies/policy.js';

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

function details(o: OrganisationRow) {
  return {
    id: o.id,
    kind: o.kind,
    name: o.name,
    kvkNumber: o.kvkNumber,
    contactName: o.contactName,
    contactEmail: o.contactEmail,
    phone: o.phone,
    website: o.website,
    city: o.city,
    status: o.status,
    refusalReason: o.status === 'refused' ? o.refusalReason : null,
    requestedAt: iso(o.requestedAt),
    authorisedAt: iso(o.authorisedAt),
  };
}

/** An organisation as its member sees it, with what this actor may do there now (asked of the policy). */
export function presentMyOrganisation(o: OrganisationRow, role: 'admin' | 'member', actor: Actor): MyOrganisation {
  const row = { organisationId: o.id };
  return {
    ...details(o),
    role,
    can: {
      edit: can(actor, 'organisation.edit', row),
      manageMembers: can(actor, 'organisation.members.invite', row),
      manageTokens: can(actor, 'organisation.tokens.create', row),
    },
  };
}

export function presentStaffOrganisation(o: StaffOrganisationRow, now: Date): StaffOrganisation {
  return {
    ...details(o),
    requestedBy: o.requestedBy ? { displayName: o.requesterName ?? '', email: o.requesterEmail } : null,
    decidedAt: iso(o.decidedAt),
    decidedBy: o.deciderName,
    ageDays: o.status === 'pending' ? ageInDays(o.requestedAt, now) : null,
    memberCount: o.memberCount,
    can: { decide: canDecideOrganisation(o.status) },
  };
}

export const presentMember = (m: MemberRow): Member => ({ accountId: m.accountId, displayName: m.displayName, email: m.email, role: m.role, since: m.since.toISOString() });

export const presentInvitation = (i: InvitationRow, now: Date): Invitation => ({
  id: i.id,
  email: i.email,
  role: i.role,
  invitedBy: i.inviterName,
  createdAt: i.createdAt.toISOString(),
  expiresAt: i.expiresAt.toISOString(),
  expired: i.expiresAt.getTime() <= now.getTime(),
});

export const presentToken = (t: TokenRow): ApiToken => ({
  id: t.id,
  name: t.name,
  prefix: t.prefix,
  createdAt: t.createdAt.toISOString(),
  createdBy: t.creatorName,
  lastUsedAt: iso(t.lastUsedAt),
  revokedAt: iso(t.revokedAt),
});
