import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import {
  ApiError,
  createRegistration,
  deleteEvidence,
  getCertificateStatus,
  getMyRegistration,
  getMyRegistrations,
  saveRegistration,
  submitRegistration,
  uploadEvidence,
} from './client.js';
import { queryKeys } from './keys.js';
import type { Answers, CertificateStatus, MyRegistrationDetail, PersonDetails } from './types.js';

export const CERTIFICATE_POLL_MS = 3000;

export function useMyRegistrations() {
  return useQuery({ queryKey: queryKeys.myRegistrations.list, queryFn: ({ signal }) => getMyRegistrations(signal) });
}

export function useMyRegistration(id: string) {
  return useQuery({ queryKey: queryKeys.myRegistrations.detail(id), queryFn: ({ signal }) => getMyRegistration(id, signal) });
}

/** A changed application: store the server's answer, and refresh the list (status, next step) and "me" (the person's name). */
function storeApplication(queryClient: QueryClient, detail: MyRegistrationDetail): Promise<void> {
  queryClient.setQueryData(queryKeys.myRegistrations.detail(detail.id), detail);
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: queryKeys.myRegistrations.list }),
    queryClient.invalidateQueries({ queryKey: queryKeys.me }),
  ]).then(() => undefined);
}

export function useCreateRegistration() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (variantCode: string) => createRegistration(variantCode),
    onSuccess: (detail) => storeApplication(queryClient, detail),
  });
}

export function useSaveRegistration(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { person?: PersonDetails; application?: Answers }) => saveRegistration(id, body),
    onSuccess: (detail) => storeApplication(queryClient, detail),
    onError: (error) => {
      // Someone (staff, another tab) moved it on: show what it is now.
      if (error instanceof ApiError && error.code === 'not_editable') void refreshApplication(queryClient, id);
    },
  });
}

export function useSubmitRegistration(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => submitRegistration(id),
    onSuccess: (detail) => storeApplication(queryClient, detail),
    onError: () => void refreshApplication(queryClient, id),
  });
}

/** After an upload or a change elsewhere: the application (checklist, files) is fetched again. */
export function refreshApplication(queryClient: QueryClient, id: string): Promise<void> {
  return queryClient.invalidateQueries({ queryKey: queryKeys.myRegistrations.detail(id) });
}

export function useDeleteEvidence(registrationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (evidenceId: string) => deleteEvidence(registrationId, evidenceId),
    onSuccess: () => refreshApplication(queryClient, registrationId),
  });
}

export interface UploadVariables {
  kind: string;
  file: File;
  /** Fraction 0..1 sent so far (null when not computable). */
  onProgress: (fraction: number | null) => void;
  /** Aborting it cancels the upload (the mutation then fails with an AbortError). */
  signal: AbortSignal;
}

/** One evidence upload (XMLHttpRequest, for its progress); the application is fetched again afterwards. */
export function useUploadEvidence(registrationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ kind, file, onProgress, signal }: UploadVariables) => {
      const handle = uploadEvidence(registrationId, kind, file, onProgress);
      signal.addEventListener('abort', handle.abort, { once: true });
      return handle.promise;
    },
    onSuccess: () => refreshApplication(queryClient, registrationId),
  });
}

/** The newest certificate; polled while its PDF is being made. No certificate yet (404) is `newest: null`. */
export function useCertificateStatus() {
  return useQuery({
    queryKey: queryKeys.certificateStatus,
    queryFn: async ({ signal }): Promise<CertificateStatus> => {
      try {
        return await getCertificateStatus(signal);
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return { newest: null };
        throw error;
      }
    },
    refetchInterval: (query) => (query.state.data?.newest?.status === 'pending' ? CERTIFICATE_POLL_MS : false),
  });
}
