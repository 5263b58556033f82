import { useCallback, useEffect, useState } from 'react';
import { ApiError, isAbortError } from './api.js';
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
