import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ANONYMOUS, ApiError, getMe, logout } from './client.js';
import { queryKeys } from './keys.js';
import type { AuthenticatedMe, Me } from './types.js';

export type MeState =
  | { status: 'loading' }
  | { status: 'anonymous' }
  | { status: 'authenticated'; me: AuthenticatedMe }
  | { status: 'error'; error: ApiError };

export function isAuthenticated(me: Me): me is AuthenticatedMe {
  return me.account !== null;
}

/** The current user from GET /api/me: loading, anonymous (`account: null`), authenticated, or error. */
export function useMe(): { state: MeState } {
  const query = useQuery({ queryKey: queryKeys.me, queryFn: ({ signal }) => getMe(signal) });
  if (query.isPending) return { state: { status: 'loading' } };
  if (query.isError) {
    const error = query.error instanceof ApiError ? query.error : new ApiError(0, 'network_error', '');
    return { state: { status: 'error', error } };
  }
  const me = query.data;
  return { state: isAuthenticated(me) ? { status: 'authenticated', me } : { status: 'anonymous' } };
}

/** The name to greet someone by: the person's own name once they entered it, else the account's display name. */
export function greetingName(me: AuthenticatedMe): string {
  const name = me.person?.name.trim();
  return name ? name : me.account.displayName;
}

/** Log out: the session ends, every personal query is dropped, and "me" is anonymous. */
export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: logout,
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: queryKeys.myRegistrations.all });
      queryClient.removeQueries({ queryKey: queryKeys.certificateStatus });
      queryClient.removeQueries({ queryKey: queryKeys.staff.all });
      queryClient.setQueryData(queryKeys.me, ANONYMOUS);
    },
  });
}
