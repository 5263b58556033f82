import { useEffect, useRef, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { isNotFound } from '../../api/query-client.js';
import { staffCpdEvidenceUrl, useStaffCpdActivity } from '../../api/staff-cpd.js';
import type { StaffCpdActivity } from '../../api/types.js';
import { DetailRow } from '../../components/DetailRow.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { RequireLogin } from '../../components/RequireLogin.js';
import { formatBytes, formatDate, formatNumber } from '../../lib/format.js';
import { useDocumentTitle } from '../../lib/hooks.js';
import { CpdDecisionPanel } from './CpdDecisionPanel.js';
import { QueueBackLink } from './QueueBackLink.js';

/** After a decision the queue shows what was decided (router state, not the address: a reload does not repeat it). */
export interface CpdDecidedState {
  decided: { title: string; status: 'approved' | 'adjusted' | 'rejected' };
}

/** /staff/cpd/activities/:id — everything the registrant entered, the evidence, the claim, and the decision. */
export function CpdActivityReview() {
  return (
    <>
      <QueueBackLink />
      <RequireLogin role="staff">{() => <Review />}</RequireLogin>
    </>
  );
}

function Review() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const query = useStaffCpdActivity(id);
  const navigate = useNavigate();
  const [stale, setStale] = useState(false);
  const staleRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (stale) staleRef.current?.focus();
  }, [stale]);
  const title = query.data ? t('staffCpd.review.title', { title: query.data.title, name: query.data.registrant.name }) : t('staffCpd.review.titleGeneric');
  useDocumentTitle(title);

  if (query.isPending) {
    return (
      <div aria-busy="true">
        <h1>{title}</h1>
        <p className="notice notice--loading" role="status">
          {t('staffCpd.review.loading')}
        </p>
      </div>
    );
  }
  if (query.isError) {
    return (
      <>
        <h1>{isNotFound(query.error) ? t('staffCpd.review.notFoundTitle') : title}</h1>
        {isNotFound(query.error) ? <p className="notice">{t('staffCpd.review.notFoundText')}</p> : <ErrorMessage error={query.error} />}
      </>
    );
  }
  const a = query.data;
  return (
    <article>
      <h1>{title}</h1>
      <ActivityFacts activity={a} />
      {stale ? (
        <div className="notice notice--attention" role="alert" tabIndex={-1} ref={staleRef}>
          <p className="notice__title">{t('staffCpd.review.staleTitle')}</p>
          <p>{t('staffCpd.review.staleText')}</p>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              setStale(false);
              void query.refetch();
            }}
          >
            {t('staffCpd.review.reload')}
          </button>
        </div>
      ) : null}
      {a.can.decide && !stale ? (
        <CpdDecisionPanel
          activity={a}
          onDecided={(result) => {
            const state: CpdDecidedState = { decided: { title: a.title, status: result.status === 'pending' ? 'approved' : result.status } };
            void navigate('/staff/cpd', { state });
          }}
          onStale={() => setStale(true)}
        />
      ) : null}
    </article>
  );
}

function amountText(t: (key: string, o: Record<string, unknown>) => string, lang: string, unit: 'points' | 'hours', n: number) {
  return t(unit === 'hours' ? 'staffCpd.hours' : 'staffCpd.points', { count: n, n: formatNumber(n, lang) });
}

function ActivityFacts({ activity: a }: { activity: StaffCpdActivity }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const l = lang === 'en' ? 'en' : 'nl';
  const amount = (unit: 'points' | 'hours', n: number) => amountText(t, lang, unit, n);
  const shortSession = a.claim.minSessionMinutes !== null && a.sessionMinutes !== null && a.sessionMinutes < a.claim.minSessionMinutes;
  return (
    <>
      <dl className="details">
        <DetailRow label={t('staffCpd.review.status')}>
          <span className={`badge cpd-status cpd-status--${a.status}`}>{t(`staffCpd.status.${a.status}`)}</span>
          {a.status === 'pending' ? (
            <span className={a.overdue ? 'age age--overdue cpd-age' : 'age cpd-age'}>
              {t('staffCpd.review.waiting', { count: a.ageDays, days: formatNumber(a.ageDays, lang), target: a.targetDays })}
            </span>
          ) : null}
          {a.overdue ? <span className="tag tag--warning">{t('staff.overdue', { days: a.targetDays })}</span> : null}
        </DetailRow>
        <DetailRow label={t('staffCpd.review.loggedOn')}>{formatDate(a.createdAt, lang)}</DetailRow>
      </dl>

      <section aria-labelledby="cpd-registrant-heading">
        <h2 id="cpd-registrant-heading">{t('staffCpd.review.registrant')}</h2>
        <dl className="details">
          <DetailRow label={t('staffCpd.review.name')}>{a.registrant.name}</DetailRow>
          <DetailRow label={t('staffCpd.review.registrationNumber')} mono>
            {a.registrant.registrationNumber ?? t('common.none')}
          </DetailRow>
          <DetailRow label={t('staffCpd.review.email')}>{a.registrant.email ?? t('common.none')}</DetailRow>
          <DetailRow label={t('staffCpd.review.variants')}>
            {a.registrant.variants.length === 0 ? (
              t('staffCpd.review.noVariants')
            ) : (
              <ul className="plain-list">
                {a.registrant.variants.map((v) => (
                  <li key={v.code}>
                    {v.name} <span className={`kind kind--${v.kind}`}>{t(`variantKind.${v.kind}`)}</span>
                  </li>
                ))}
              </ul>
            )}
          </DetailRow>
        </dl>
      </section>

      <section aria-labelledby="cpd-activity-heading">
        <h2 id="cpd-activity-heading">{t('staffCpd.review.activity')}</h2>
        <dl className="details">
          <DetailRow label={t('staffCpd.review.kind')}>{a.kind.name?.[l] ?? a.kind.code}</DetailRow>
          <DetailRow label={t('staffCpd.review.category')}>
            {a.category.name?.[l] ?? a.category.code}
            {a.subcategory ? <span className="cell__sub">{t(`staffCpd.subcategory.${a.subcategory}`, { defaultValue: a.subcategory })}</span> : null}
          </DetailRow>
          <DetailRow label={t('staffCpd.review.activityTitle')}>{a.title}</DetailRow>
          {a.description ? (
            <DetailRow label={t('staffCpd.review.description')}>
              <span className="prewrap">{a.description}</span>
            </DetailRow>
          ) : null}
          {a.providerName ? <DetailRow label={t('staffCpd.review.provider')}>{a.providerName}</DetailRow> : null}
          {a.employerName ? <DetailRow label={t('staffCpd.review.employer')}>{a.employerName}</DetailRow> : null}
          {a.periodStartsOn ? (
            <DetailRow label={t('staffCpd.review.period')}>{t('staffCpd.review.periodValue', { from: formatDate(a.periodStartsOn, lang), to: formatDate(a.completedOn, lang) })}</DetailRow>
          ) : (
            <DetailRow label={t('staffCpd.review.completedOn')}>{formatDate(a.completedOn, lang)}</DetailRow>
          )}
          {a.points !== null ? <DetailRow label={t('staffCpd.review.claimedPoints')}>{amount('points', a.points)}</DetailRow> : null}
          {a.hours !== null ? <DetailRow label={t('staffCpd.review.claimedHours')}>{amount('hours', a.hours)}</DetailRow> : null}
          {a.supervisees !== null ? <DetailRow label={t('staffCpd.review.supervisees')}>{formatNumber(a.supervisees, lang)}</DetailRow> : null}
          {a.sessionMinutes !== null ? (
            <DetailRow label={t('staffCpd.review.sessionMinutes')}>
              {t('staffCpd.review.minutes', { count: a.sessionMinutes, n: formatNumber(a.sessionMinutes, lang) })}
              {shortSession ? <span className="tag tag--warning">{t('staffCpd.review.sessionTooShort', { min: a.claim.minSessionMinutes })}</span> : null}
            </DetailRow>
          ) : null}
          {a.accreditation ? (
            <DetailRow label={t('staffCpd.review.accreditation')}>
              {a.accreditation.title} {a.accreditation.code ? <span className="mono">{a.accreditation.code}</span> : null}
            </DetailRow>
          ) : null}
          <DetailRow label={t('staffCpd.review.competences')}>
            {a.competences.length === 0 ? (
              t('common.none')
            ) : (
              <ul className="plain-list">
                {a.competences.map((c) => (
                  <li key={c.code}>{c.name[l]}</li>
                ))}
              </ul>
            )}
          </DetailRow>
        </dl>
      </section>

      <section aria-labelledby="cpd-claim-heading">
        <h2 id="cpd-claim-heading">{t('staffCpd.review.claim')}</h2>
        <p>{t('staffCpd.review.claimText', { amount: amount(a.claim.unit, a.claim.amount) })}</p>
        {a.claim.conversion ? (
          <p className="hint">
            {t('staffCpd.review.conversion', {
              hours: amount('hours', a.hours ?? 0),
              supervisees: a.supervisees ?? 1,
              rowHours: formatNumber(a.claim.conversion.hours, lang),
              rowSupervisees: a.claim.conversion.supervisees,
              rowPoints: formatNumber(a.claim.conversion.points, lang),
            })}
          </p>
        ) : null}
        {a.claim.minSessionMinutes !== null ? <p className="hint">{t('staffCpd.review.minSession', { min: a.claim.minSessionMinutes })}</p> : null}
      </section>

      <section aria-labelledby="cpd-evidence-heading">
        <h2 id="cpd-evidence-heading">{t('staffCpd.review.evidence')}</h2>
        {a.evidence.length === 0 ? (
          <p className="notice">{t('staffCpd.review.noEvidence')}</p>
        ) : (
          <ul className="plain-list">
            {a.evidence.map((e) => (
              <li key={e.id}>
                <a href={staffCpdEvidenceUrl(a.id, e.id)} target="_blank" rel="noopener">
                  {e.originalName}
                  <span className="visually-hidden"> {t('common.opensInNewWindow')}</span>
                </a>{' '}
                <span className="cell__sub">
                  {t(`staffCpd.evidenceKind.${e.kind}`, { defaultValue: e.kind })} · {formatBytes(e.sizeBytes, lang)} · {formatDate(e.createdAt, lang)}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>

      {a.status !== 'pending' ? (
        <section aria-labelledby="cpd-decided-heading">
          <h2 id="cpd-decided-heading">{t('staffCpd.review.decided')}</h2>
          <dl className="details">
            <DetailRow label={t('staffCpd.review.status')}>{t(`staffCpd.status.${a.status}`)}</DetailRow>
            {a.approvedPoints !== null ? <DetailRow label={t('staffCpd.review.granted')}>{amount(a.claim.unit, a.approvedPoints)}</DetailRow> : null}
            {a.staffReason ? <DetailRow label={t('staffCpd.review.reason')}>{a.staffReason}</DetailRow> : null}
            {a.decidedAt ? (
              <DetailRow label={t('staffCpd.review.decidedAt')}>
                {formatDate(a.decidedAt, lang)}
                {a.decidedBy ? ` · ${a.decidedBy}` : null}
              </DetailRow>
            ) : null}
          </dl>
        </section>
      ) : null}
    </>
  );
}
