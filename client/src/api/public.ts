import { useQuery } from '@tanstack/react-query';
import { ApiError, DEFAULT_PAGE_SIZE, getPublicEntry, searchRegister, verifyRegistration } from './client.js';
import { queryKeys } from './keys.js';
import type { VerifyResult } from './types.js';

/** The public register search; `enabled: false` (a query too short to send) leaves it idle. */
export function useRegisterSearch(q: string, page: number, enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.public.search(q, page),
    queryFn: ({ signal }) => searchRegister(q, page, DEFAULT_PAGE_SIZE, signal),
    enabled,
  });
}

export function usePublicEntry(registrationNumber: string) {
  return useQuery({
    queryKey: queryKeys.public.entry(registrationNumber),
    queryFn: ({ signal }) => getPublicEntry(registrationNumber, signal),
  });
}

export interface VerifyAnswer {
  result: VerifyResult;
  /** The code in the link was malformed (400): the live status is shown, and the code said to be invalid. */
  malformedCode: boolean;
}

export function useVerify(registrationNumber: string, code: string | null) {
  return useQuery({
    queryKey: queryKeys.public.verify(registrationNumber, code),
    queryFn: async ({ signal }): Promise<VerifyAnswer> => {
      try {
        return { result: await verifyRegistration(registrationNumber, code, signal), malformedCode: false };
      } catch (error) {
        if (code && error instanceof ApiError && error.status === 400) {
          return { result: await verifyRegistration(registrationNumber, null, signal), malformedCode: true };
        }
        throw error;
      }
    },
  });
}
