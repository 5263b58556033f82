import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { ApiError, getMe, isAbortError, type Me } from './client.js';

export type MeState =
  | { status: 'loading' }
  | { status: 'anonymous' }
  | { status: 'authenticated'; me: Me }
  | { status: 'error'; error: ApiError };

export interface MeContextValue {
  state: MeState;
  /** Reload the current user from GET /api/me (e.g. after logout). */
  refresh: () => Promise<void>;
}

export const MeContext = createContext<MeContextValue | null>(null);

export function MeProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<MeState>({ status: 'loading' });
  const controllerRef = useRef<AbortController | null>(null);

  const refresh = useCallback(async () => {
    controllerRef.current?.abort();
    const controller = new AbortController();
    controllerRef.current = controller;
    try {
      const me = await getMe(controller.signal);
      if (controller.signal.aborted) return;
      setState(me ? { status: 'authenticated', me } : { status: 'anonymous' });
    } catch (err) {
      if (isAbortError(err) || controller.signal.aborted) return;
      setState({
        status: 'error',
        error: err instanceof ApiError ? err : new ApiError(0, 'network_error', ''),
      });
    }
  }, []);

  useEffect(() => {
    void refresh();
    return () => controllerRef.current?.abort();
  }, [refresh]);

  const value = useMemo(() => ({ state, refresh }), [state, refresh]);
  return <MeContext.Provider value={value}>{children}</MeContext.Provider>;
}

export function useMe(): MeContextValue {
  const ctx = useContext(MeContext);
  if (!ctx) throw new Error('useMe() must be used inside <MeProvider>');
  return ctx;
}
