import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './client.js';

/** A 4xx answer is the server's verdict; asking again gives the same. */
function isClientError(error: unknown): boolean {
  return error instanceof ApiError && error.status >= 400 && error.status < 500;
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: (failureCount, error) => !isClientError(error) && failureCount < 2,
        staleTime: 30_000,
        // Every staff dossier view is audited: no reloads just because the window got focus again.
        refetchOnWindowFocus: false,
      },
      mutations: { retry: false },
    },
  });
}

/** True for the server's 404 (unknown id or number). */
export function isNotFound(error: unknown): boolean {
  return error instanceof ApiError && error.status === 404;
}
