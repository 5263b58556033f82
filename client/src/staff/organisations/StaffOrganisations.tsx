import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useStaffOrganisations, type StaffOrganisationsQuery } from '../../api/organisations.js';
import { ORGANISATION_STATUSES } from '../../api/organisation-types.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { Pagination } from '../../components/Pagination.js';
import { RequireLogin } from '../../components/RequireLogin.js';
import { formatDate, formatNumber } from '../../lib/format.js';
import { parsePage, useDocumentTitle } from '../../lib/hooks.js';
import { OrganisationStatusBadge } from '../../provider/OrganisationStatus.js';

const isStatus = (s: string): s is NonNullable<StaffOrganisationsQuery['status']> => (ORGANISATION_STATUSES as readonly string[]).includes(s);

/** /staff/organisations: organisation requests, pending first and oldest first, with their age. */
export function StaffOrganisations() {
  const { t } = useTranslation();
  useDocumentTitle(t('organisations.staff.title'));
  return (
    <>
      <h1>{t('organisations.staff.title')}</h1>
      <RequireLogin role="staff">{() => <ListView />}</RequireLogin>
    </>
  );
}

function ListView() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [params, setParams] = useSearchParams();
  const raw = params.get('status') ?? '';
  const status = isStatus(raw) ? raw : undefined;
  const page = parsePage(params.get('page'));
  const list = useStaffOrganisations({ status, page });
  const go = (next: { status?: string; page?: number }) => {
    const p = new URLSearchParams();
    const s = next.status ?? status ?? '';
    if (s) p.set('status', s);
    if ((next.page ?? 1) > 1) p.set('page', String(next.page));
    setParams(p);
  };
  return (
    <>
      <p className="lead">{t('organisations.staff.intro')}</p>
      <div className="field filters">
        <label className="label" htmlFor="org-status">
          {t('organisations.staff.filter')}
        </label>
        <select id="org-status" className="input select" value={status ?? ''} onChange={(e) => go({ status: e.target.value })}>
          <option value="">{t('organisations.staff.allStatuses')}</option>
          {ORGANISATION_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`organisations.status.${s}`)}
            </option>
          ))}
        </select>
      </div>
      <section aria-labelledby="org-queue-heading" aria-busy={list.isPending}>
        <h2 id="org-queue-heading">{t('organisations.staff.heading')}</h2>
        {list.isPending ? <p className="notice notice--loading">{t('organisations.loading')}</p> : null}
        {list.isError ? <ErrorMessage error={list.error} /> : null}
        {list.isSuccess && list.data.total === 0 ? <p className="notice">{t('organisations.staff.empty')}</p> : null}
        {list.isSuccess && list.data.total > 0 ? (
          <>
            <p className="results__summary" aria-live="polite">
              {t('organisations.staff.count', { count: list.data.total })}
            </p>
            <table className="table">
              <caption className="visually-hidden">{t('organisations.staff.heading')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('organisations.staff.columns.name')}</th>
                  <th scope="col">{t('organisations.staff.columns.status')}</th>
                  <th scope="col">{t('organisations.staff.columns.requestedAt')}</th>
                  <th scope="col">{t('organisations.staff.columns.age')}</th>
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((o) => (
                  <tr key={o.id} className={o.ageDays !== null && o.ageDays > list.data.targetDays ? 'row--overdue' : undefined}>
                    <th scope="row" data-label={t('organisations.staff.columns.name')}>
                      <Link to={`/staff/organisations/${encodeURIComponent(o.id)}`}>{o.name}</Link>
                      <span className="cell__sub">
                        {t(`organisations.kind.${o.kind}`)}
                        {o.city ? ` · ${o.city}` : ''}
                        {o.requestedBy ? ` · ${o.requestedBy}` : ''}
                      </span>
                    </th>
                    <td data-label={t('organisations.staff.columns.status')}>
                      <OrganisationStatusBadge status={o.status} />
                    </td>
                    <td data-label={t('organisations.staff.columns.requestedAt')}>{o.requestedAt ? formatDate(o.requestedAt, lang) : t('common.none')}</td>
                    <td data-label={t('organisations.staff.columns.age')}>
                      {o.ageDays === null ? t('common.none') : t('organisations.staff.ageDays', { count: o.ageDays, days: formatNumber(o.ageDays, lang) })}
                      {o.ageDays !== null && o.ageDays > list.data.targetDays ? (
                        <>
                          {' '}
                          <span className="tag tag--warning">{t('organisations.staff.overdue', { days: list.data.targetDays })}</span>
                        </>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <Pagination
              page={list.data.page}
              pages={Math.max(1, Math.ceil(list.data.total / list.data.pageSize))}
              range={t('organisations.staff.count', { count: list.data.total })}
              onPage={(p) => go({ page: p })}
            />
          </>
        ) : null}
      </section>
    </>
  );
}
