import { useEffect, useId, useRef, useState, type FormEvent, type RefObject } from 'react';
import { Link, useLocation, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCpdQueue, type CpdQueueQuery } from '../../api/staff-cpd.js';
import { CPD_QUEUE_KINDS, type CpdQueue as CpdQueueData, type CpdQueueItem, type CpdQueueKind } from '../../api/types.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { Pagination } from '../../components/Pagination.js';
import { RequireLogin } from '../../components/RequireLogin.js';
import { formatDate, formatNumber } from '../../lib/format.js';
import { useDocumentTitle } from '../../lib/hooks.js';
import type { CpdDecidedState } from './CpdActivityReview.js';
import { parseQueueParams, queueItemPath, queueOrigin, queueParams } from './cpd-queue.js';

/** /staff/cpd — one queue of CPD work (activities, accreditation requests, objections, organisations), oldest first. */
export function CpdQueue() {
  const { t } = useTranslation();
  useDocumentTitle(t('staffCpd.queue.title'));
  return (
    <>
      <h1>{t('staffCpd.queue.title')}</h1>
      <RequireLogin role="staff">{() => <QueueView />}</RequireLogin>
    </>
  );
}

const lang2 = (lang: string): 'nl' | 'en' => (lang === 'en' ? 'en' : 'nl');

function QueueView() {
  const { t, i18n } = useTranslation();
  const lang = lang2(i18n.language);
  const [params, setParams] = useSearchParams();
  const decided = (useLocation().state as CpdDecidedState | null)?.decided;
  const query = parseQueueParams(params);
  const queue = useCpdQueue(query);
  const summaryRef = useRef<HTMLParagraphElement>(null);
  const focusSummary = useRef(false);
  const categoryId = useId();
  const textId = useId();
  const overdueId = useId();

  const [input, setInput] = useState({ category: query.category ?? '', q: query.q ?? '', overdue: query.overdue === true });
  // The inputs follow the address (back/forward, a tab): reset while rendering, not in an effect.
  const shownKey = `${query.category ?? ''}|${query.q ?? ''}|${String(query.overdue)}`;
  const [shown, setShown] = useState(shownKey);
  if (shown !== shownKey) {
    setShown(shownKey);
    setInput({ category: query.category ?? '', q: query.q ?? '', overdue: query.overdue === true });
  }

  useEffect(() => {
    if (queue.isSuccess && focusSummary.current) {
      focusSummary.current = false;
      summaryRef.current?.focus();
    }
  }, [queue.isSuccess, queue.data]);

  const go = (next: CpdQueueQuery) => {
    focusSummary.current = true;
    setParams(queueParams(next));
  };
  const onFilter = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    go({ ...query, category: input.category || undefined, q: input.q.trim() || undefined, overdue: input.overdue || undefined, page: 1 });
  };
  const tabHref = (kind: CpdQueueKind | undefined) => `?${queueParams({ ...query, kind, page: 1 }).toString()}`;
  const counts = queue.data?.counts;
  const all = counts ? CPD_QUEUE_KINDS.reduce((n, k) => n + counts[k].total, 0) : null;

  return (
    <>
      {decided ? (
        <div className="notice notice--success" role="status">
          <p>{t(`staffCpd.queue.decided.${decided.status}`, { title: decided.title })}</p>
        </div>
      ) : null}
      <p className="lead">{t('staffCpd.queue.intro')}</p>
      {queue.data ? <p>{t('staffCpd.queue.target', { count: queue.data.targetDays, days: formatNumber(queue.data.targetDays, lang) })}</p> : null}

      <nav aria-label={t('staffCpd.queue.tabsLabel')}>
        <ul className="cpd-tabs">
          {([undefined, ...CPD_QUEUE_KINDS] as const).map((kind) => {
            const current = query.kind === kind;
            const total = kind === undefined ? all : (counts?.[kind].total ?? null);
            const late = kind === undefined ? null : (counts?.[kind].overdue ?? 0);
            return (
              <li key={kind ?? 'all'}>
                <Link className="cpd-tab" to={tabHref(kind)} aria-current={current ? 'page' : undefined} onClick={() => (focusSummary.current = true)}>
                  {t(`staffCpd.kind.${kind ?? 'all'}`)}
                  {total !== null ? <span className="cpd-tab__count">{formatNumber(total, lang)}</span> : null}
                  {late ? <span className="tag tag--warning">{t('staffCpd.queue.lateCount', { count: late, n: formatNumber(late, lang) })}</span> : null}
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>

      <form className="search-form filters" onSubmit={onFilter} aria-label={t('staffCpd.queue.filtersLabel')}>
        <div className="filters__row">
          <div className="field">
            <label className="label" htmlFor={textId}>
              {t('staffCpd.queue.text')}
            </label>
            <input id={textId} className="input" type="search" maxLength={100} value={input.q} onChange={(e) => setInput({ ...input, q: e.target.value })} />
          </div>
          <div className="field">
            <label className="label" htmlFor={categoryId}>
              {t('staffCpd.queue.category')}
            </label>
            <select id={categoryId} className="input select" value={input.category} onChange={(e) => setInput({ ...input, category: e.target.value })}>
              <option value="">{t('staffCpd.queue.allCategories')}</option>
              {(queue.data?.categories ?? []).map((c) => (
                <option key={c.code} value={c.code}>
                  {c.name[lang]}
                </option>
              ))}
            </select>
          </div>
          <div className="field cpd-check">
            <input id={overdueId} type="checkbox" checked={input.overdue} onChange={(e) => setInput({ ...input, overdue: e.target.checked })} />
            <label htmlFor={overdueId}>{t('staffCpd.queue.overdueOnly')}</label>
          </div>
          <div className="filters__submit">
            <button type="submit" className="button">
              {t('staffCpd.queue.apply')}
            </button>
          </div>
        </div>
      </form>

      <section aria-labelledby="cpd-queue-heading" aria-busy={queue.isFetching}>
        <h2 id="cpd-queue-heading">{t(`staffCpd.kind.${query.kind ?? 'all'}`)}</h2>
        <div aria-live="polite">{queue.isPending ? <p className="notice notice--loading">{t('staffCpd.queue.loading')}</p> : null}</div>
        {queue.isError ? <ErrorMessage error={queue.error} /> : null}
        {queue.data ? <QueueTable data={queue.data} summaryRef={summaryRef} onPage={(page) => go({ ...query, page })} /> : null}
      </section>
    </>
  );
}

function QueueTable({ data, summaryRef, onPage }: { data: CpdQueueData; summaryRef: RefObject<HTMLParagraphElement | null>; onPage: (page: number) => void }) {
  const { t } = useTranslation();
  const { items, total, page, pageSize } = data;
  if (total === 0) {
    return (
      <p className="notice" tabIndex={-1} ref={summaryRef}>
        {t('staffCpd.queue.empty')}
      </p>
    );
  }
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const from = (page - 1) * pageSize + 1;
  const to = from + items.length - 1;
  const range = items.length > 0 ? t('search.range', { from, to, total }) : t('staffCpd.queue.pastEnd', { total });
  return (
    <>
      <p className="results__summary" tabIndex={-1} ref={summaryRef}>
        {t('staffCpd.queue.count', { count: total })} <span className="results__range">{range}</span>
      </p>
      <table className="table">
        <caption className="visually-hidden">{t('staffCpd.queue.caption', { range })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('staffCpd.queue.columns.subject')}</th>
            <th scope="col">{t('staffCpd.queue.columns.kind')}</th>
            <th scope="col">{t('staffCpd.queue.columns.claim')}</th>
            <th scope="col">{t('staffCpd.queue.columns.enteredAt')}</th>
            <th scope="col">{t('staffCpd.queue.columns.age')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <QueueRow key={`${item.kind}-${item.id}`} item={item} />
          ))}
        </tbody>
      </table>
      <Pagination page={page} pages={pages} range={range} onPage={onPage} />
    </>
  );
}

function QueueRow({ item }: { item: CpdQueueItem }) {
  const { t, i18n } = useTranslation();
  const lang = lang2(i18n.language);
  const { search } = useLocation();
  const typeName = item.type ? (item.type.name?.[lang] ?? (item.kind === 'organisation' ? t(`staffCpd.organisationKind.${item.type.code}`, { defaultValue: item.type.code }) : item.type.code)) : null;
  const claim = item.claim;
  return (
    <tr className={item.overdue ? 'row--overdue' : undefined}>
      <th scope="row" data-label={t('staffCpd.queue.columns.subject')}>
        <Link to={queueItemPath(item)} state={queueOrigin(search)}>{item.title ?? item.subject.name}</Link>
        <span className="cell__sub">
          {item.title !== null ? item.subject.name : null}
          {item.subject.registrationNumber ? ` · ${item.subject.registrationNumber}` : null}
        </span>
      </th>
      <td data-label={t('staffCpd.queue.columns.kind')}>
        <span className={`cpd-kind cpd-kind--${item.kind}`}>{t(`staffCpd.kindOne.${item.kind}`)}</span>
        {typeName ? <span className="cell__sub">{typeName}</span> : null}
      </td>
      <td data-label={t('staffCpd.queue.columns.claim')}>
        {claim?.points != null ? t('staffCpd.points', { count: claim.points, n: formatNumber(claim.points, lang) }) : null}
        {claim?.points != null && claim.hours != null ? ' · ' : null}
        {claim?.hours != null ? t('staffCpd.hours', { count: claim.hours, n: formatNumber(claim.hours, lang) }) : null}
        {claim === null || (claim.points == null && claim.hours == null) ? t('common.none') : null}
      </td>
      <td data-label={t('staffCpd.queue.columns.enteredAt')}>{formatDate(item.enteredAt, lang)}</td>
      <td data-label={t('staffCpd.queue.columns.age')}>
        <span className={item.overdue ? 'age age--overdue' : 'age'}>{t('staff.ageDays', { count: item.ageDays, days: formatNumber(item.ageDays, lang) })}</span>
        {item.overdue ? <span className="tag tag--warning">{t('staff.overdue', { days: item.targetDays })}</span> : null}
      </td>
    </tr>
  );
}
