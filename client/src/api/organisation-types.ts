/** The organisation area's types, from the one contract (server/contract/organisations.ts). */
import type { z } from 'zod';
import type {
  acceptedInvitation,
  ApiToken as ContractApiToken,
  ApiTokens as ContractApiTokens,
  CreatedToken as ContractCreatedToken,
  Invitation as ContractInvitation,
  InvitationPreview as ContractInvitationPreview,
  InviteBody,
  inviteBody,
  requestOrganisationBody,
  Member as ContractMember,
  MyOrganisation as ContractMyOrganisation,
  OrganisationDecisionBody,
  RequestOrganisationBody,
  StaffOrganisation as ContractStaffOrganisation,
  StaffOrganisations as ContractStaffOrganisations,
  UpdateOrganisationBody,
} from '../../../server/contract/organisations.js';

export type MyOrganisation = ContractMyOrganisation;
export type Member = ContractMember;
export type Invitation = ContractInvitation;
export type InvitationPreview = ContractInvitationPreview;
export type AcceptedInvitation = z.infer<typeof acceptedInvitation>;
export type ApiToken = ContractApiToken;
export type ApiTokens = ContractApiTokens;
export type CreatedToken = ContractCreatedToken;
export type StaffOrganisation = ContractStaffOrganisation;
export type StaffOrganisations = ContractStaffOrganisations;
export type RequestOrganisationRequest = z.input<typeof requestOrganisationBody>;
export type UpdateOrganisationRequest = UpdateOrganisationBody;
export type InviteRequest = z.input<typeof inviteBody>;
export type OrganisationDecisionRequest = OrganisationDecisionBody;
export type { RequestOrganisationBody, InviteBody };
export { ORGANISATION_STATUSES, INVITATION_STATES } from '../../../server/contract/organisations.js';
export type { OrganisationStatusCode, MemberRole } from '../../../server/contract/organisations.js';
