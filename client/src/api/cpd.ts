import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { jsonInit, request } from './client.js';
import type { CompetenceMap, CpdActivity, CpdEvidenceKind, CpdForm, CpdProgress, LogActivityRequest, PortfolioExport } from './cpd-types.js';

/** Data hooks of the registrant's CPD: form, activities, evidence, progress, competence map, portfolio. */

export const cpdKeys = {
  all: ['cpd'] as const,
  form: ['cpd', 'form'] as const,
  activities: ['cpd', 'activities'] as const,
  activity: (id: string) => ['cpd', 'activities', id] as const,
  progress: ['cpd', 'progress'] as const,
  competences: ['cpd', 'competences'] as const,
  portfolio: (id: string) => ['cpd', 'portfolio', id] as const,
};

export const PORTFOLIO_POLL_MS = 2000;
export const PORTFOLIO_JSON_URL = '/api/my/cpd/portfolio.json';
export const portfolioPdfUrl = (id: string) => `/api/my/cpd/portfolio/${encodeURIComponent(id)}/pdf`;
export const cpdEvidenceUrl = (activityId: string, evidenceId: string) => `/api/my/cpd/activities/${encodeURIComponent(activityId)}/evidence/${encodeURIComponent(evidenceId)}`;

export function useCpdForm() {
  return useQuery({ queryKey: cpdKeys.form, queryFn: ({ signal }) => request<CpdForm>('/api/my/cpd/form', { signal }) });
}

/**
 * Progress, the competence map and the activities change by others' hands too (attendance booked, a staff decision):
 * every visit asks the server again (showing what it had meanwhile), so the numbers are never a visit behind.
 */
const ALWAYS_FRESH = { staleTime: 0 } as const;

export function useCpdProgress() {
  return useQuery({ queryKey: cpdKeys.progress, queryFn: ({ signal }) => request<CpdProgress>('/api/my/cpd/progress', { signal }), ...ALWAYS_FRESH });
}

export function useCompetenceMap() {
  return useQuery({ queryKey: cpdKeys.competences, queryFn: ({ signal }) => request<CompetenceMap>('/api/my/cpd/competences', { signal }), ...ALWAYS_FRESH });
}

export function useCpdActivities() {
  return useQuery({ queryKey: cpdKeys.activities, queryFn: ({ signal }) => request<{ items: CpdActivity[] }>('/api/my/cpd/activities', { signal }), ...ALWAYS_FRESH });
}

export function useCpdActivity(id: string) {
  return useQuery({ queryKey: cpdKeys.activity(id), queryFn: ({ signal }) => request<CpdActivity>(`/api/my/cpd/activities/${encodeURIComponent(id)}`, { signal }), ...ALWAYS_FRESH });
}

/** Anything logged, withdrawn or uploaded changes progress, the map and the lists. */
const refreshCpd = (queryClient: QueryClient) => queryClient.invalidateQueries({ queryKey: cpdKeys.all });

export function useLogActivity() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: LogActivityRequest) => request<CpdActivity>('/api/my/cpd/activities', jsonInit('POST', body)),
    onSuccess: () => refreshCpd(queryClient),
  });
}

export function useWithdrawActivity(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => request<void>(`/api/my/cpd/activities/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSuccess: () => refreshCpd(queryClient),
  });
}

export function uploadCpdEvidence(activityId: string, kind: CpdEvidenceKind, file: File): Promise<unknown> {
  const form = new FormData();
  form.append('kind', kind);
  form.append('file', file, file.name);
  return request(`/api/my/cpd/activities/${encodeURIComponent(activityId)}/evidence`, { method: 'POST', body: form });
}

export function useUploadCpdEvidence(activityId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ kind, file }: { kind: CpdEvidenceKind; file: File }) => uploadCpdEvidence(activityId, kind, file),
    onSuccess: () => refreshCpd(queryClient),
  });
}

export function useDeleteCpdEvidence(activityId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (evidenceId: string) => request<void>(cpdEvidenceUrl(activityId, evidenceId), { method: 'DELETE' }),
    onSuccess: () => refreshCpd(queryClient),
  });
}

export function useRequestPortfolio() {
  return useMutation({ mutationFn: (locale: 'nl' | 'en') => request<PortfolioExport>('/api/my/cpd/portfolio', jsonInit('POST', { locale })) });
}

/** One export's state; polled while the worker is still making it. */
export function usePortfolioExport(id: string | null) {
  return useQuery({
    queryKey: cpdKeys.portfolio(id ?? 'none'),
    enabled: id !== null,
    queryFn: ({ signal }) => request<PortfolioExport>(`/api/my/cpd/portfolio/${encodeURIComponent(id!)}`, { signal }),
    refetchInterval: (query) => (query.state.data?.status === 'pending' ? PORTFOLIO_POLL_MS : false),
  });
}
