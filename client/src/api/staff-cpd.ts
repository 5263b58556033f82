import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { jsonInit, request } from './client.js';
import { queryKeys } from './keys.js';
import type { CpdActivityDecisionRequest, CpdActivityDecisionResult, CpdQueue, CpdQueueKind, StaffCpdActivity } from './types.js';

/** The CPD review queue's filters as the address bar holds them. */
export interface CpdQueueQuery {
  kind?: CpdQueueKind | undefined;
  category?: string | undefined;
  overdue?: boolean | undefined;
  q?: string | undefined;
  page: number;
}

const activityPath = (id: string) => `/api/staff/cpd/activities/${encodeURIComponent(id)}`;

export function getCpdQueue(query: CpdQueueQuery, signal?: AbortSignal): Promise<CpdQueue> {
  const params = new URLSearchParams();
  if (query.kind) params.set('kind', query.kind);
  if (query.category) params.set('category', query.category);
  if (query.overdue) params.set('overdue', 'true');
  if (query.q) params.set('q', query.q);
  params.set('page', String(query.page));
  return request<CpdQueue>(`/api/staff/cpd-queue?${params.toString()}`, { signal: signal ?? null });
}

export function getStaffCpdActivity(id: string, signal?: AbortSignal): Promise<StaffCpdActivity> {
  return request<StaffCpdActivity>(activityPath(id), { signal: signal ?? null });
}

export function staffCpdEvidenceUrl(activityId: string, evidenceId: string): string {
  return `${activityPath(activityId)}/evidence/${encodeURIComponent(evidenceId)}`;
}

export function decideCpdActivity(id: string, body: CpdActivityDecisionRequest): Promise<CpdActivityDecisionResult> {
  return request<CpdActivityDecisionResult>(`${activityPath(id)}/decision`, jsonInit('POST', body));
}

export function useCpdQueue(query: CpdQueueQuery) {
  return useQuery({ queryKey: queryKeys.staff.cpdQueue(query), queryFn: ({ signal }) => getCpdQueue(query, signal), staleTime: 0, placeholderData: keepPreviousData });
}

/**
 * One activity under review. Every fetch is an audited view, so it is fetched when opened and never in the
 * background; nothing is kept once the page is left (gcTime 0), so a reopened activity never shows an old state.
 */
export function useStaffCpdActivity(id: string) {
  return useQuery({ queryKey: queryKeys.staff.cpdActivity(id), queryFn: ({ signal }) => getStaffCpdActivity(id, signal), staleTime: Infinity, gcTime: 0 });
}

/** A decision (or a refusal because someone else decided first) changes the activity and the queue. */
export function useDecideCpdActivity(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CpdActivityDecisionRequest) => decideCpdActivity(id, body),
    // The page goes back to the queue, which is not on screen now: drop its pages so it never shows the decided item.
    onSuccess: () => queryClient.removeQueries({ queryKey: queryKeys.staff.cpdQueues }),
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.staff.cpdQueues });
    },
  });
}
