/** Organisations: the actor's own (request, details, members, invitations, API tokens) and staff's review of requests. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AcceptedInvitation,
  ApiTokens,
  CreatedToken,
  Invitation,
  InvitationPreview,
  InviteRequest,
  Member,
  MyOrganisation,
  OrganisationDecisionRequest,
  RequestOrganisationRequest,
  StaffOrganisation,
  StaffOrganisations,
  UpdateOrganisationRequest,
} from './organisation-types.js';
import { jsonInit, request, sig } from './client.js';

const orgPath = (id: string) => `/api/organisations/${encodeURIComponent(id)}`;

export interface StaffOrganisationsQuery {
  status?: 'pending' | 'authorised' | 'refused' | undefined;
  page: number;
}

/** Query keys of this area (hierarchical: `organisationKeys.mine` covers every organisation of the actor). */
export const organisationKeys = {
  mine: ['my', 'organisations'] as const,
  list: ['my', 'organisations', 'list'] as const,
  members: (id: string) => ['my', 'organisations', id, 'members'] as const,
  invitations: (id: string) => ['my', 'organisations', id, 'invitations'] as const,
  tokens: (id: string) => ['my', 'organisations', id, 'tokens'] as const,
  invitation: (secret: string) => ['invitations', secret] as const,
  staff: ['staff', 'organisations'] as const,
  staffList: (q: StaffOrganisationsQuery) => ['staff', 'organisations', 'list', q] as const,
  staffDetail: (id: string) => ['staff', 'organisations', 'detail', id] as const,
};

export function useMyOrganisations() {
  return useQuery({ queryKey: organisationKeys.list, queryFn: ({ signal }) => request<{ items: MyOrganisation[] }>('/api/my/organisations', sig(signal)) });
}

export function useRequestOrganisation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: RequestOrganisationRequest) => request<MyOrganisation>('/api/my/organisations', jsonInit('POST', body)),
    // The requester now holds the provider role: "me" changes too.
    onSuccess: () => Promise.all([qc.invalidateQueries({ queryKey: organisationKeys.mine }), qc.invalidateQueries({ queryKey: ['me'] })]),
  });
}

export function useUpdateOrganisation(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateOrganisationRequest) => request<MyOrganisation>(orgPath(id), jsonInit('PATCH', body)),
    onSuccess: () => qc.invalidateQueries({ queryKey: organisationKeys.mine }),
  });
}

export function useMembers(id: string) {
  return useQuery({ queryKey: organisationKeys.members(id), queryFn: ({ signal }) => request<{ items: Member[] }>(`${orgPath(id)}/members`, sig(signal)) });
}

export function useRemoveMember(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (accountId: string) => request<void>(`${orgPath(id)}/members/${encodeURIComponent(accountId)}`, { method: 'DELETE' }),
    onSettled: () => qc.invalidateQueries({ queryKey: organisationKeys.members(id) }),
  });
}

/** A role change can be the actor's own: the organisation (and what the actor may do there) is reloaded too. */
export function useUpdateMember(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ accountId, role }: { accountId: string; role: 'admin' | 'member' }) =>
      request<Member>(`${orgPath(id)}/members/${encodeURIComponent(accountId)}`, jsonInit('PATCH', { role })),
    onSettled: () => qc.invalidateQueries({ queryKey: organisationKeys.mine }),
  });
}

export function useInvitations(id: string, enabled: boolean) {
  return useQuery({ queryKey: organisationKeys.invitations(id), queryFn: ({ signal }) => request<{ items: Invitation[] }>(`${orgPath(id)}/invitations`, sig(signal)), enabled });
}

export function useInvite(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: InviteRequest) => request<Invitation>(`${orgPath(id)}/invitations`, jsonInit('POST', body)),
    onSettled: () => qc.invalidateQueries({ queryKey: organisationKeys.invitations(id) }),
  });
}

export function useRevokeInvitation(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (invitationId: string) => request<void>(`${orgPath(id)}/invitations/${encodeURIComponent(invitationId)}`, { method: 'DELETE' }),
    onSettled: () => qc.invalidateQueries({ queryKey: organisationKeys.invitations(id) }),
  });
}

export function useApiTokens(id: string, enabled: boolean) {
  return useQuery({ queryKey: organisationKeys.tokens(id), queryFn: ({ signal }) => request<ApiTokens>(`${orgPath(id)}/tokens`, sig(signal)), enabled });
}

export function useCreateToken(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => request<CreatedToken>(`${orgPath(id)}/tokens`, jsonInit('POST', { name })),
    onSettled: () => qc.invalidateQueries({ queryKey: organisationKeys.tokens(id) }),
  });
}

export function useRevokeToken(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (tokenId: string) => request<void>(`${orgPath(id)}/tokens/${encodeURIComponent(tokenId)}`, { method: 'DELETE' }),
    onSettled: () => qc.invalidateQueries({ queryKey: organisationKeys.tokens(id) }),
  });
}

/** What an invitation link is for; the secret goes in the body (never in a logged address). */
export function useInvitationPreview(secret: string, enabled: boolean) {
  return useQuery({
    queryKey: organisationKeys.invitation(secret),
    queryFn: ({ signal }) => request<InvitationPreview>('/api/invitations/preview', { ...jsonInit('POST', { secret }), ...sig(signal) }),
    enabled,
    retry: false,
  });
}

export function useAcceptInvitation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (secret: string) => request<AcceptedInvitation>('/api/invitations/accept', jsonInit('POST', { secret })),
    onSuccess: () => Promise.all([qc.invalidateQueries({ queryKey: organisationKeys.mine }), qc.invalidateQueries({ queryKey: ['me'] })]),
  });
}

export function useStaffOrganisations(q: StaffOrganisationsQuery) {
  const params = new URLSearchParams({ page: String(q.page) });
  if (q.status) params.set('status', q.status);
  return useQuery({
    queryKey: organisationKeys.staffList(q),
    queryFn: ({ signal }) => request<StaffOrganisations>(`/api/staff/organisations?${params.toString()}`, sig(signal)),
    staleTime: 0,
  });
}

export function useStaffOrganisation(id: string) {
  return useQuery({
    queryKey: organisationKeys.staffDetail(id),
    queryFn: ({ signal }) => request<StaffOrganisation>(`/api/staff/organisations/${encodeURIComponent(id)}`, sig(signal)),
    staleTime: 0,
  });
}

export function useDecideOrganisation(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: OrganisationDecisionRequest) => request<StaffOrganisation>(`/api/staff/organisations/${encodeURIComponent(id)}/decision`, jsonInit('POST', body)),
    onSettled: () => qc.invalidateQueries({ queryKey: organisationKeys.staff }),
  });
}
