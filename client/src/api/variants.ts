import { useQuery } from '@tanstack/react-query';
import { getVariants } from './client.js';
import { queryKeys } from './keys.js';

/** Variants and their entry criteria change only with the register's configuration. */
export function useVariants() {
  return useQuery({ queryKey: queryKeys.variants, queryFn: ({ signal }) => getVariants(signal), staleTime: 5 * 60_000 });
}
