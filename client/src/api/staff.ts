import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { decideApplication, getStaffApplication, getStaffQueue, type StaffQueueQuery } from './client.js';
import { queryKeys } from './keys.js';
import type { DecisionRequest } from './types.js';

export function useStaffQueue(query: StaffQueueQuery) {
  return useQuery({ queryKey: queryKeys.staff.queue(query), queryFn: ({ signal }) => getStaffQueue(query, signal), staleTime: 0 });
}

/** One dossier; every fetch is an audited view, so it is fetched when opened or after a decision, not in the background. */
export function useStaffApplication(id: string) {
  return useQuery({ queryKey: queryKeys.staff.application(id), queryFn: ({ signal }) => getStaffApplication(id, signal), staleTime: 0 });
}

/** A decision (or a refusal because someone else decided first) changes the dossier and the queue. */
export function useDecideApplication(id: string) {
  const queryClient = useQueryClient();
  const invalidate = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: queryKeys.staff.application(id) }),
      queryClient.invalidateQueries({ queryKey: queryKeys.staff.queues }),
    ]).then(() => undefined);
  return useMutation({
    mutationFn: (body: DecisionRequest) => decideApplication(id, body),
    // Not awaited: the caller shows the outcome at once, the reloaded dossier follows.
    onSettled: () => void invalidate(),
  });
}
