import { useEffect, useId, useRef, type RefObject } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useRegisterSearch } from '../api/public.js';
import { searchQuerySchema } from '../api/schemas.js';
import type { RegisterSearchResult } from '../api/types.js';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { StatusBadge } from '../components/StatusBadge.js';
import { formatDate } from '../lib/format.js';
import { parsePage, useDocumentTitle } from '../lib/hooks.js';
import { Pagination } from '../components/Pagination.js';

/** The server's limits on q (searchQuerySchema); a URL's q is sent from MIN_QUERY on, so the server's 400 can be shown. */
export const MIN_QUERY = 2;
export const MAX_QUERY = 100;

const searchFormSchema = searchQuerySchema.pick({ q: true });

export function RegisterSearch() {
  const { t, i18n } = useTranslation();
  useDocumentTitle(t('search.title'));
  const [params, setParams] = useSearchParams();
  const q = (params.get('q') ?? '').trim();
  const page = parsePage(params.get('page'));
  // Over-long queries from the URL are sent anyway so the server's 400 message is shown.
  const validQuery = q.length >= MIN_QUERY;

  const form = useForm<{ q: string }>({ resolver: zodResolver(searchFormSchema), defaultValues: { q } });
  const inputError = form.formState.errors.q !== undefined;
  const query = useRegisterSearch(q, page, validQuery);
  const state = !validQuery ? 'idle' : query.status === 'pending' ? 'loading' : query.status;
  const summaryRef = useRef<HTMLParagraphElement>(null);
  const focusResults = useRef(false);
  const inputId = useId();
  const hintId = useId();
  const errorId = useId();

  // Keep the input in step with the URL (back/forward navigation).
  const { reset } = form;
  useEffect(() => {
    reset({ q });
  }, [q, reset]);

  useEffect(() => {
    if (state === 'success' && focusResults.current) {
      focusResults.current = false;
      summaryRef.current?.focus();
    }
  }, [state, query.data]);

  const onSubmit = form.handleSubmit((values) => setParams({ q: values.q, page: '1' }));

  const goToPage = (target: number) => {
    focusResults.current = true;
    setParams({ q, page: String(target) });
  };

  const lang = i18n.language;
  let announcement = '';
  if (state === 'loading') announcement = t('search.loading');
  else if (state === 'success' && query.data)
    announcement =
      query.data.total === 0
        ? t('search.noResults', { q })
        : t('search.resultCount', { count: query.data.total, q });

  const showError = inputError || (q.length > 0 && !validQuery);
  const describedBy = showError ? `${hintId} ${errorId}` : hintId;

  return (
    <>
      <h1>{t('search.title')}</h1>
      <p className="lead">{t('search.intro')}</p>

      <form className="search-form" role="search" onSubmit={(e) => void onSubmit(e)} noValidate>
        <label htmlFor={inputId} className="label">
          {t('search.label')}
        </label>
        <p id={hintId} className="hint">
          {t('search.hint')}
        </p>
        {showError ? (
          <p id={errorId} className="field-error">
            {t('search.tooShort')}
          </p>
        ) : null}
        <div className="search-form__row">
          <input
            id={inputId}
            type="search"
            className="input"
            {...form.register('q')}
            maxLength={MAX_QUERY}
            autoComplete="off"
            spellCheck={false}
            aria-describedby={describedBy}
            aria-invalid={showError || undefined}
          />
          <button type="submit" className="button">
            {t('search.submit')}
          </button>
        </div>
      </form>

      <p className="visually-hidden" aria-live="polite" aria-atomic="true">
        {announcement}
      </p>

      <section className="results" aria-busy={state === 'loading'} aria-labelledby="results-heading">
        <h2 id="results-heading" className="visually-hidden">
          {t('search.resultsHeading')}
        </h2>
        {state === 'idle' ? <p className="notice">{t('search.idle')}</p> : null}
        {state === 'loading' ? <p className="notice notice--loading">{t('search.loading')}</p> : null}
        {state === 'error' ? <ErrorMessage error={query.error} /> : null}
        {state === 'success' && query.data ? (
          <SearchResults result={query.data} q={q} lang={lang} onPage={goToPage} summaryRef={summaryRef} />
        ) : null}
      </section>
    </>
  );
}

export function SearchResults({
  result,
  q,
  lang,
  onPage,
  summaryRef,
}: {
  result: RegisterSearchResult;
  q: string;
  lang: string;
  onPage: (page: number) => void;
  summaryRef: RefObject<HTMLParagraphElement | null>;
}) {
  const { t } = useTranslation();
  const { items, total, page, pageSize } = result;

  if (total === 0) return <p className="notice">{t('search.noResults', { q })}</p>;

  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (items.length === 0) {
    return (
      <div className="notice">
        <p>{t('search.pageOutOfRange')}</p>
        <button type="button" className="button button--secondary" onClick={() => onPage(1)}>
          {t('search.firstPage')}
        </button>
      </div>
    );
  }

  const from = (page - 1) * pageSize + 1;
  const to = from + items.length - 1;
  const range = t('search.range', { from, to, total });

  return (
    <>
      <p className="results__summary" tabIndex={-1} ref={summaryRef}>
        {t('search.resultCount', { count: total, q })} <span className="results__range">{range}</span>
      </p>
      <table className="table">
        <caption className="visually-hidden">{t('search.caption', { q, range })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('search.columns.name')}</th>
            <th scope="col">{t('search.columns.number')}</th>
            <th scope="col">{t('search.columns.status')}</th>
            <th scope="col">{t('search.columns.variants')}</th>
            <th scope="col">{t('search.columns.validUntil')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((entry) => (
            <tr key={entry.registrationNumber}>
              <th scope="row" data-label={t('search.columns.name')}>
                {entry.name}
              </th>
              <td data-label={t('search.columns.number')}>
                <Link to={`/register/${encodeURIComponent(entry.registrationNumber)}`} className="mono">
                  {entry.registrationNumber}
                </Link>
              </td>
              <td data-label={t('search.columns.status')}>
                <StatusBadge status={entry.status} />
              </td>
              <td data-label={t('search.columns.variants')}>
                {entry.variants.length > 0 ? entry.variants.map((v) => v.name).join(', ') : t('common.none')}
              </td>
              <td data-label={t('search.columns.validUntil')}>
                {entry.validUntil ? formatDate(entry.validUntil, lang) : t('common.none')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <Pagination page={page} pages={pages} range={range} onPage={onPage} />
    </>
  );
}
