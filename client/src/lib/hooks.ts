import { useCallback, useEffect, useState, type DependencyList } from 'react';
import { ApiError, isAbortError } from '../api/client.js';
import { useTranslation } from 'react-i18next';

/** Keep document.title in sync with the current page ("<page> – Vakregister"). */
export function useDocumentTitle(page: string | null): void {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = page ? t('app.documentTitle', { page }) : t('app.name');
  }, [page, t]);
}

export type LoadState<T> = { status: 'loading' } | { status: 'notFound' } | { status: 'error'; error: unknown } | { status: 'success'; detail: T };

/**
 * Loads one record by id: loading, then success, notFound (404) or error. Reloads when the id changes, aborts
 * a stale request, and offers reload() (after an action) and setDetail() (when an action returns the record).
 */
export function useRecord<T>(id: string, fetch: (id: string, signal?: AbortSignal) => Promise<T>) {
  const [state, setState] = useState<LoadState<T>>({ status: 'loading' });
  const load = useCallback(
    (signal?: AbortSignal) =>
      fetch(id, signal).then(
        (detail) => setState({ status: 'success', detail }),
        (error: unknown) => {
          if (isAbortError(error)) return;
          if (error instanceof ApiError && error.status === 404) setState({ status: 'notFound' });
          else setState({ status: 'error', error });
        },
      ),
    [id, fetch],
  );
  useEffect(() => {
    const controller = new AbortController();
    setState({ status: 'loading' });
    void load(controller.signal);
    return () => controller.abort();
  }, [load]);
  return {
    state,
    reload: useCallback(() => void load(), [load]),
    setDetail: useCallback((detail: T) => setState({ status: 'success', detail }), []),
  };
}

export type QueryState<T> = { status: 'idle' } | { status: 'loading' } | { status: 'error'; error: unknown } | { status: 'success'; data: T };

/**
 * Runs `load` again whenever `deps` change (`null`: nothing to load, the state is idle), aborting the request it
 * replaces, so a slow answer to an old query never overwrites a newer one.
 */
export function useQuery<T>(load: ((signal: AbortSignal) => Promise<T>) | null, deps: DependencyList): QueryState<T> {
  const [state, setState] = useState<QueryState<T>>(() => (load ? { status: 'loading' } : { status: 'idle' }));
  useEffect(() => {
    if (!load) {
      setState({ status: 'idle' });
      return;
    }
    const controller = new AbortController();
    setState({ status: 'loading' });
    load(controller.signal).then(
      (data) => setState({ status: 'success', data }),
      (error: unknown) => {
        if (!isAbortError(error)) setState({ status: 'error', error });
      },
    );
    return () => controller.abort();
    // `load` is a new closure on every render; `deps` say when it asks for something else.
  }, deps);
  return state;
}

/** A `page` URL parameter: a whole number from 1, else 1. */
export function parsePage(value: string | null): number {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 ? n : 1;
}
