import { useEffect, useId, useRef, useState, type FormEvent, type RefObject } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useStaffQueue } from '../../api/staff.js';
import type { StaffQueue as StaffQueueData } from '../../api/types.js';
import { useVariants } from '../../api/variants.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { variantName } from '../../lib/names.js';
import { RequireLogin } from '../../components/RequireLogin.js';
import { StatusBadge } from '../../components/StatusBadge.js';
import { isOpenStatus, OPEN_STATUSES } from '../../api/types.js';
import { formatDate, formatNumber } from '../../lib/format.js';
import { parsePage, useDocumentTitle } from '../../lib/hooks.js';
import { Pagination } from '../../components/Pagination.js';

export function StaffQueue() {
  const { t } = useTranslation();
  useDocumentTitle(t('staff.title'));
  return (
    <>
      <h1>{t('staff.title')}</h1>
      <RequireLogin role="staff">{() => <QueueView />}</RequireLogin>
    </>
  );
}

function QueueView() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [params, setParams] = useSearchParams();
  const rawStatus = params.get('status') ?? '';
  const status = isOpenStatus(rawStatus) ? rawStatus : undefined;
  const variant = params.get('variant') ?? '';
  const page = parsePage(params.get('page'));

  const variants = useVariants().data ?? [];
  const [statusInput, setStatusInput] = useState(status ?? '');
  const [variantInput, setVariantInput] = useState(variant);
  const queue = useStaffQueue({ status, variant: variant || undefined, page });
  const summaryRef = useRef<HTMLParagraphElement>(null);
  const focusSummary = useRef(false);
  const statusId = useId();
  const variantId = useId();

  // The filter inputs follow the address (back/forward, a link): reset while rendering, not in an effect.
  const [shownFilter, setShownFilter] = useState({ status, variant });
  if (shownFilter.status !== status || shownFilter.variant !== variant) {
    setShownFilter({ status, variant });
    setStatusInput(status ?? '');
    setVariantInput(variant);
  }

  useEffect(() => {
    if (queue.isSuccess && focusSummary.current) {
      focusSummary.current = false;
      summaryRef.current?.focus();
    }
  }, [queue.isSuccess, queue.data]);

  const apply = (next: { status: string; variant: string; page: number }) => {
    const p = new URLSearchParams();
    if (next.status) p.set('status', next.status);
    if (next.variant) p.set('variant', next.variant);
    if (next.page > 1) p.set('page', String(next.page));
    focusSummary.current = true;
    setParams(p);
  };

  const onFilter = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    apply({ status: statusInput, variant: variantInput, page: 1 });
  };

  return (
    <>
      <p className="lead">{t('staff.intro')}</p>
      <form className="search-form filters" onSubmit={onFilter} aria-label={t('staff.filters.label')}>
        <div className="filters__row">
          <div className="field">
            <label className="label" htmlFor={statusId}>
              {t('staff.filters.status')}
            </label>
            <select id={statusId} className="input select" value={statusInput} onChange={(e) => setStatusInput(e.target.value)}>
              <option value="">{t('staff.filters.allStatuses')}</option>
              {OPEN_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`status.${s}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label className="label" htmlFor={variantId}>
              {t('staff.filters.variant')}
            </label>
            <select id={variantId} className="input select" value={variantInput} onChange={(e) => setVariantInput(e.target.value)}>
              <option value="">{t('staff.filters.allVariants')}</option>
              {variants.map((v) => (
                <option key={v.code} value={v.code}>
                  {variantName(v, lang)}
                </option>
              ))}
            </select>
          </div>
          <div className="filters__submit">
            <button type="submit" className="button">
              {t('staff.filters.apply')}
            </button>
          </div>
        </div>
      </form>

      <section aria-labelledby="queue-heading" aria-busy={queue.isPending}>
        <h2 id="queue-heading">{t('staff.queueHeading')}</h2>
        <div aria-live="polite">
          {queue.isPending ? <p className="notice notice--loading">{t('staff.loading')}</p> : null}
        </div>
        {queue.isError ? <ErrorMessage error={queue.error} /> : null}
        {queue.isSuccess ? (
          <QueueTable
            data={queue.data}
            summaryRef={summaryRef}
            onPage={(p) => apply({ status: status ?? '', variant, page: p })}
          />
        ) : null}
      </section>
    </>
  );
}

function QueueTable({
  data,
  summaryRef,
  onPage,
}: {
  data: StaffQueueData;
  summaryRef: RefObject<HTMLParagraphElement | null>;
  onPage: (page: number) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { items, total, page, pageSize } = data;
  if (total === 0) {
    return (
      <p className="notice" tabIndex={-1} ref={summaryRef}>
        {t('staff.empty')}
      </p>
    );
  }
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const from = (page - 1) * pageSize + 1;
  const to = from + items.length - 1;
  const range = t('search.range', { from, to, total });

  return (
    <>
      <p className="results__summary" tabIndex={-1} ref={summaryRef}>
        {t('staff.count', { count: total })} <span className="results__range">{range}</span>
      </p>
      <p>{t('staff.targetDays', { count: data.targetDays, days: formatNumber(data.targetDays, lang) })}</p>
      <table className="table">
        <caption className="visually-hidden">{t('staff.caption', { range })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('staff.columns.person')}</th>
            <th scope="col">{t('staff.columns.variant')}</th>
            <th scope="col">{t('staff.columns.status')}</th>
            <th scope="col">{t('staff.columns.submittedAt')}</th>
            <th scope="col">{t('staff.columns.age')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => {
            // The server judges the age against the register's review target (settings.cpd.review.targetDays).
            const overdue = item.overdue;
            return (
              <tr key={item.id} className={overdue ? 'row--overdue' : undefined}>
                <th scope="row" data-label={t('staff.columns.person')}>
                  <Link to={`/staff/applications/${encodeURIComponent(item.id)}`}>{item.person.name}</Link>
                  <span className="cell__sub">{item.person.email}</span>
                </th>
                <td data-label={t('staff.columns.variant')}>{item.variant.name}</td>
                <td data-label={t('staff.columns.status')}>
                  <StatusBadge status={item.status} />
                </td>
                <td data-label={t('staff.columns.submittedAt')}>
                  {item.submittedAt ? formatDate(item.submittedAt, lang) : t('common.none')}
                </td>
                <td data-label={t('staff.columns.age')}>
                  <span className={overdue ? 'age age--overdue' : 'age'}>
                    {t('staff.ageDays', { count: item.ageDays, days: formatNumber(item.ageDays, lang) })}
                  </span>
                  {overdue ? <span className="tag tag--warning">{t('staff.overdue', { days: item.targetDays })}</span> : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <Pagination page={page} pages={pages} range={range} onPage={onPage} />
    </>
  );
}
