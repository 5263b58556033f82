import type { RouteName } from '../../contract/routes.js';
import type { RouteImpls, RouteInput } from '../../http/api.js';
import type { Services } from '../../services.js';
import { ORGANISATION_ROUTES } from '../../contract/organisations.js';

type OrganisationRoutes = keyof typeof ORGANISATION_ROUTES & RouteName;

const ctx = ({ actor, requestId }: Pick<RouteInput<'myOrganisations'>, 'actor' | 'requestId'>) => ({ actor, requestId });

/** /api/my/organisations, /api/organisations/…, /api/invitations/…, /api/token and staff's /api/staff/organisations. */
export function organisationRoutes(s: Services): RouteImpls<OrganisationRoutes> {
  const service = s.organisations;
  return {
    myOrganisations: { action: 'organisations.own', handle: ({ actor }) => service.mine(actor) },
    requestOrganisation: { action: 'organisations.request', handle: (input) => service.request(ctx(input), input.body) },
    organisation: { action: 'organisation.read', handle: ({ actor, params }) => service.get(actor, params.organisationId) },
    updateOrganisation: { action: 'organisation.edit', handle: (input) => service.update(ctx(input), input.params.organisationId, input.body) },
    organisationMembers: { action: 'organisation.members.read', handle: ({ actor, params }) => service.members(actor, params.organisationId) },
    removeMember: {
      action: 'organisation.members.manage',
      async handle(input) {
        await service.removeMember(ctx(input), input.params.organisationId, input.params.accountId);
        input.res.status(204).end();
      },
    },
    updateMember: { action: 'organisation.members.manage', handle: (input) => service.updateMember(ctx(input), input.params.organisationId, input.params.accountId, input.body.role) },
    organisationInvitations: { action: 'organisation.members.manage', handle: ({ actor, params }) => service.invitations(actor, params.organisationId) },
    inviteMember: { action: 'organisation.members.invite', handle: (input) => service.invite(ctx(input), input.params.organisationId, input.body) },
    revokeInvitation: {
      action: 'organisation.members.manage',
      async handle(input) {
        await service.revokeInvitation(ctx(input), input.params.organisationId, input.params.invitationId);
        input.res.status(204).end();
      },
    },
    organisationTokens: { action: 'organisation.tokens.manage', handle: ({ actor, params }) => service.tokens(actor, params.organisationId) },
    createToken: { action: 'organisation.tokens.create', handle: (input) => service.createToken(ctx(input), input.params.organisationId, input.body.name) },
    revokeToken: {
      action: 'organisation.tokens.manage',
      async handle(input) {
        await service.revokeToken(ctx(input), input.params.organisationId, input.params.tokenId);
        input.res.status(204).end();
      },
    },
    invitationPreview: { action: 'invitations.accept', handle: ({ actor, body }) => service.preview(actor, body.secret) },
    acceptInvitation: { action: 'invitations.accept', handle: (input) => service.accept(ctx(input), input.body.secret) },
    tokenWhoAmI: { action: 'token.whoami', handle: ({ actor }) => service.whoAmI(actor) },
    staffOrganisations: { action: 'organisations.review', handle: ({ query }) => service.staffList(query) },
    staffOrganisation: { action: 'organisations.review', handle: ({ params }) => service.staffDetail(params.organisationId) },
    decideOrganisation: { action: 'organisations.decide', handle: (input) => service.decide(ctx(input), input.params.organisationId, input.body) },
  };
}
