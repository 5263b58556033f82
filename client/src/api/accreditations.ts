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
import { jsonInit, request, sig, uploadForm } from './client.js';

export type { AccreditationDetail, AccreditationOptions, AgendaPage, AttendanceUpload, RunAttendance, StaffAccreditation };
export type AccreditationList = z.output<typeof accreditationList>;
export type SubmitAccreditation = z.input<typeof submitAccreditationBody>;
export type RunRequest = z.input<typeof runInput>;
export type AccreditationDecision = z.input<typeof accreditationDecisionBody>;
export type AgendaFilter = Partial<z.input<typeof agendaQuery>>;
export type RunList = z.output<typeof runList>;
export { ACCREDITATION_STATUSES, ATTENDANCE_OUTCOMES } from '../../../server/contract/accreditations.js';

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
  return useQuery({ queryKey: accreditationKeys.options, queryFn: ({ signal }) => request<AccreditationOptions>('/api/provider/accreditation-options', sig(signal)), staleTime: 5 * 60_000 });
}

export function useMyAccreditations() {
  return useQuery({ queryKey: accreditationKeys.list, queryFn: ({ signal }) => request<AccreditationList>('/api/provider/accreditations', sig(signal)) });
}

export function useAccreditation(id: string) {
  return useQuery({ queryKey: accreditationKeys.detail(id), queryFn: ({ signal }) => request<AccreditationDetail>(`/api/provider/accreditations/${enc(id)}`, sig(signal)) });
}

export function useRunAttendance(runId: string) {
  return useQuery({ queryKey: accreditationKeys.run(runId), queryFn: ({ signal }) => request<RunAttendance>(`/api/provider/runs/${enc(runId)}/attendance`, sig(signal)) });
}

/** Every provider-side change reloads the request, its runs and the list. */
function useProviderMutation<A, R>(fn: (arg: A) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSettled: () => void queryClient.invalidateQueries({ queryKey: accreditationKeys.all }) });
}

export function useSubmitAccreditation() {
  return useProviderMutation((body: SubmitAccreditation) => request<AccreditationDetail>('/api/provider/accreditations', jsonInit('POST', body)));
}
export function useWithdrawAccreditation(id: string) {
  return useProviderMutation(() => request<AccreditationDetail>(`/api/provider/accreditations/${enc(id)}/withdraw`, jsonInit('POST', {})));
}
export function useObjectAccreditation(id: string) {
  return useProviderMutation((reason: string) => request<AccreditationDetail>(`/api/provider/accreditations/${enc(id)}/objection`, jsonInit('POST', { reason })));
}
export function useSetAgenda(id: string) {
  return useProviderMutation((inAgenda: boolean) => request<AccreditationDetail>(`/api/provider/accreditations/${enc(id)}/agenda`, jsonInit('PATCH', { inAgenda })));
}
export function useAddRun(id: string) {
  return useProviderMutation((run: RunRequest) => request(`/api/provider/accreditations/${enc(id)}/runs`, jsonInit('POST', run)));
}
export function useAttendanceNumbers(runId: string) {
  return useProviderMutation((registrationNumbers: string[]) => request<AttendanceUpload>(`/api/provider/runs/${enc(runId)}/attendance/numbers`, jsonInit('POST', { registrationNumbers })));
}

/** The CSV upload with XMLHttpRequest, so that its progress can be shown; onProgress gets 0..1 or null. */
export function uploadAttendanceCsv(runId: string, file: File, onProgress: (fraction: number | null) => void): Promise<AttendanceUpload> {
  const form = new FormData();
  form.append('file', file, file.name);
  return uploadForm<AttendanceUpload>(`/api/provider/runs/${enc(runId)}/attendance`, form, onProgress, { tooLargeCode: 'attendance_too_large' }).promise;
}

/** Every fetch is an audited view: fetched when opened or after a decision, not in the background. */
export function useStaffAccreditation(id: string) {
  return useQuery({ queryKey: accreditationKeys.staff(id), queryFn: ({ signal }) => request<StaffAccreditation>(`/api/staff/accreditations/${enc(id)}`, sig(signal)), staleTime: Infinity, refetchOnWindowFocus: false });
}

export function useDecideAccreditation(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AccreditationDecision) => request<StaffAccreditation>(`/api/staff/accreditations/${enc(id)}/decision`, jsonInit('POST', body)),
    onSuccess: (data) => queryClient.setQueryData(accreditationKeys.staff(id), data),
    onError: () => void queryClient.invalidateQueries({ queryKey: accreditationKeys.staff(id) }),
  });
}

export function useAgenda(filter: AgendaFilter) {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(filter)) if ((typeof v === 'string' && v !== '') || typeof v === 'number') params.set(k, String(v));
  return useQuery({ queryKey: accreditationKeys.agenda(filter), queryFn: ({ signal }) => request<AgendaPage>(`/api/public/agenda?${params.toString()}`, sig(signal)), placeholderData: keepPreviousData });
}
