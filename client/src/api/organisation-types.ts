/** The organisation area's types, from the one contract (server/contract/organisations.ts). */
import type { z } from 'zod';
import type { acceptedInvitation, inviteBody, requestOrganisationBody } from '../../../server/contract/organisations.js';

export type {
  ApiToken,
  ApiTokens,
  CreatedToken,
  Invitation,
  InvitationPreview,
  InviteBody,
  Member,
  MemberRole,
  MyOrganisation,
  OrganisationDecisionBody as OrganisationDecisionRequest,
  OrganisationStatusCode,
  RequestOrganisationBody,
  StaffOrganisation,
  StaffOrganisations,
  UpdateOrganisationBody as UpdateOrganisationRequest,
} from '../../../server/contract/organisations.js';
export type AcceptedInvitation = z.infer<typeof acceptedInvitation>;
export type RequestOrganisationRequest = z.input<typeof requestOrganisationBody>;
export type InviteRequest = z.input<typeof inviteBody>;
export { ORGANISATION_STATUSES, INVITATION_STATES } from '../../../server/contract/organisations.js';
