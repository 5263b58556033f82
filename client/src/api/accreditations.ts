/** Accreditation: the provider's requests, runs and attendance, staff decisions, and the public course agenda. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  accreditationDecisionBody,
  accreditationList,
  agendaQuery,
  runList,
  submitAccreditationBody,
  runInput,
  AccreditationDetail,
  AccreditationOptions,
  AgendaPage,
  AttendanceUpload,
  RunAttendance,
  StaffAccreditation,
} from '../../../server/contract/accreditations.js';
import { ApiError, toApiError } from './client.js';

export type { AccreditationDetail, AccreditationOptions, AgendaPage, AttendanceUpload, RunAttendance, StaffAccreditation };
export type AccreditationList = z.output<typeof accreditationList>;
export type SubmitAccreditation = z.input<typeof submitAccreditationBody>;
export type RunRequest = z.input<typeof runInput>;
export type AccreditationDecision = z.input<typeof accreditationDecisionBody>;
export type AgendaFilter = Partial<z.input<typeof agendaQuery>>;
export type RunList = z.output<typeof runList>;
export { ACCREDITATION_STATUSES, ATTENDANCE_OUTCOMES } from '../../../server/contract/accreditations.js';

async function call<T>(path: string, init: RequestInit = {}): Promise<T> {
  const headers = new Headers(init.headers);
  headers.set('Accept', 'application/json');
  let res: Response;
  try {
    res = await fetch(path, { credentials: 'same-origin', ...init, headers });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError(0, 'network_error', '');
  }
  if (!res.ok) throw await toApiError(res);
  return (await res.json()) as T;
}
const json = (method: string, body: unknown): RequestInit => ({ method, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
const enc = encodeURIComponent;

export const accreditationKeys = {
  all: ['accreditations'] as const,
  options: ['accreditations', 'options'] as const,
  list: ['accreditations', 'list'] as const,
  detail: (id: string) => ['accreditations', 'detail', id] as const,
  run: (runId: string) => ['accreditations', 'run', runId] as const,
  staff: (id: string) => ['accreditations', 'staff', id] as const,
  agenda: (filter: AgendaFilter) => ['accreditations', 'agenda', filter] as const,
};

export const attendanceCsvUrl = (uploadId: string) => `/api/provider/attendance-uploads/${enc(uploadId)}/csv`;

export function useAccreditationOptions() {
  return useQuery({ queryKey: accreditationKeys.options, queryFn: ({ signal }) => call<AccreditationOptions>('/api/provider/accreditation-options', { signal }), staleTime: 5 * 60_000 });
}

export function useMyAccreditations() {
  return useQuery({ queryKey: accreditationKeys.list, queryFn: ({ signal }) => call<AccreditationList>('/api/provider/accreditations', { signal }) });
}

export function useAccreditation(id: string) {
  return useQuery({ queryKey: accreditationKeys.detail(id), queryFn: ({ signal }) => call<AccreditationDetail>(`/api/provider/accreditations/${enc(id)}`, { signal }) });
}

export function useRunAttendance(runId: string) {
  return useQuery({ queryKey: accreditationKeys.run(runId), queryFn: ({ signal }) => call<RunAttendance>(`/api/provider/runs/${enc(runId)}/attendance`, { signal }) });
}

/** Every provider-side change reloads the request, its runs and the list. */
function useProviderMutation<A, R>(fn: (arg: A) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSettled: () => void queryClient.invalidateQueries({ queryKey: accreditationKeys.all }) });
}

export function useSubmitAccreditation() {
  return useProviderMutation((body: SubmitAccreditation) => call<AccreditationDetail>('/api/provider/accreditations', json('POST', body)));
}
export function useWithdrawAccreditation(id: string) {
  return useProviderMutation(() => call<AccreditationDetail>(`/api/provider/accreditations/${enc(id)}/withdraw`, json('POST', {})));
}
export function useObjectAccreditation(id: string) {
  return useProviderMutation((reason: string) => call<AccreditationDetail>(`/api/provider/accreditations/${enc(id)}/objection`, json('POST', { reason })));
}
export function useSetAgenda(id: string) {
  return useProviderMutation((inAgenda: boolean) => call<AccreditationDetail>(`/api/provider/accreditations/${enc(id)}/agenda`, json('PATCH', { inAgenda })));
}
export function useAddRun(id: string) {
  return useProviderMutation((run: RunRequest) => call(`/api/provider/accreditations/${enc(id)}/runs`, json('POST', run)));
}
export function useAttendanceNumbers(runId: string) {
  return useProviderMutation((registrationNumbers: string[]) => call<AttendanceUpload>(`/api/provider/runs/${enc(runId)}/attendance/numbers`, json('POST', { registrationNumbers })));
}

/** The CSV upload with XMLHttpRequest, so that its progress can be shown; onProgress gets 0..1 or null. */
export function uploadAttendanceCsv(runId: string, file: File, onProgress: (fraction: number | null) => void): Promise<AttendanceUpload> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.open('POST', `/api/provider/runs/${enc(runId)}/attendance`);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.onprogress = (event) => onProgress(event.lengthComputable ? event.loaded / event.total : null);
    xhr.onload = () => {
      let body: unknown;
      try {
        body = JSON.parse(xhr.responseText) as unknown;
      } catch {
        body = null;
      }
      if (xhr.status >= 200 && xhr.status < 300 && body) return resolve(body as AttendanceUpload);
      const err = (body as { error?: { code?: string; message?: string; requestId?: string; details?: unknown } } | null)?.error;
      reject(new ApiError(xhr.status, err?.code ?? (xhr.status === 413 ? 'attendance_too_large' : 'http_error'), err?.message ?? '', err?.requestId, err?.details));
    };
    xhr.onerror = () => reject(new ApiError(0, 'network_error', ''));
    xhr.send(form);
  });
}

/** Every fetch is an audited view: fetched when opened or after a decision, not in the background. */
export function useStaffAccreditation(id: string) {
  return useQuery({ queryKey: accreditationKeys.staff(id), queryFn: ({ signal }) => call<StaffAccreditation>(`/api/staff/accreditations/${enc(id)}`, { signal }), staleTime: Infinity, refetchOnWindowFocus: false });
}

export function useDecideAccreditation(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AccreditationDecision) => call<StaffAccreditation>(`/api/staff/accreditations/${enc(id)}/decision`, json('POST', body)),
    onSuccess: (data) => queryClient.setQueryData(accreditationKeys.staff(id), data),
    onError: () => void queryClient.invalidateQueries({ queryKey: accreditationKeys.staff(id) }),
  });
}

export function useAgenda(filter: AgendaFilter) {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(filter)) if ((typeof v === 'string' && v !== '') || typeof v === 'number') params.set(k, String(v));
  return useQuery({ queryKey: accreditationKeys.agenda(filter), queryFn: ({ signal }) => call<AgendaPage>(`/api/public/agenda?${params.toString()}`, { signal }), placeholderData: keepPreviousData });
}
