import { useEffect, useRef, type ReactNode } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ACCREDITATION_STATUSES, type AccreditationDetail } from '../../api/accreditations.js';
import { isNotFound } from '../../api/query-client.js';
import { DetailRow } from '../../components/DetailRow.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { formatDate, formatNumber } from '../../lib/format.js';

// The parts the provider's and staff's pages of one request share (staff's page imports them from here).

/** The request's status as text and colour (never colour alone), in the colours of the registration statuses. */
const BADGE: Record<(typeof ACCREDITATION_STATUSES)[number], string> = {
  submitted: 'badge--submitted',
  approved: 'badge--registered',
  rejected: 'badge--rejected',
  objection: 'badge--in_review',
  withdrawn: 'badge--withdrawn',
};

export function AccreditationBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  const known = (ACCREDITATION_STATUSES as readonly string[]).includes(status);
  return (
    <span className={`badge ${known ? BADGE[status as keyof typeof BADGE] : 'badge--unknown'}`} data-status={status}>
      {known ? t(`accreditation.status.${status}`) : status}
    </span>
  );
}

/** A named form (training, e-learning, …) in the reader's language. */
export const named = (n: { nl: string; en: string }, lang: string) => (lang === 'en' ? n.en : n.nl);

const OBJECTION_BADGE: Record<AccreditationDetail['objections'][number]['state'], string> = {
  open: 'badge--in_review',
  granted: 'badge--registered',
  refused: 'badge--rejected',
};

/**
 * Every objection of a request, for the provider and for staff: against which decision, the provider's reasons, where
 * it stands, and staff's decision on it with the reason (and, when granted, what was granted).
 */
export function ObjectionList({ a, focus = false }: { a: AccreditationDetail; focus?: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const heading = useRef<HTMLHeadingElement>(null);
  // Just lodged: the form that had the focus is gone; the list that now holds the objection takes it.
  useEffect(() => {
    if (focus) heading.current?.focus();
  }, [focus, a.objections.length]);
  if (!a.objections.length) return null;
  return (
    <section aria-labelledby="objections-heading">
      <h2 id="objections-heading" ref={heading} tabIndex={-1}>
        {t('accreditation.objections.title')}
      </h2>
      <ul className="plain-list">
        {a.objections.map((o) => {
          const granted = o.resolution ? a.decisions.find((d) => d.id === o.resolution!.decisionId) : undefined;
          return (
            <li key={o.id} className="card">
              <h3 className="card__title">
                {t(`accreditation.objections.against.${o.against === 'approved' ? 'approved' : 'rejected'}`, { date: formatDate(o.lodgedAt, lang) })}{' '}
                <span className={`badge ${OBJECTION_BADGE[o.state]}`} data-status={o.state}>
                  {t(`accreditation.objections.state.${o.state}`)}
                </span>
              </h3>
              <p className="prewrap">{o.reason}</p>
              {o.state === 'open' && o.against === 'approved' ? <p className="hint">{t('accreditation.objections.stillValid')}</p> : null}
              {o.resolution ? (
                <div className={`notice ${o.state === 'refused' ? 'notice--attention' : ''}`}>
                  <p className="notice__title">
                    {t(`accreditation.objections.decided.${o.state === 'refused' ? 'refused' : 'granted'}`, { date: formatDate(o.resolution.decidedAt, lang) })}
                  </p>
                  {granted && granted.points !== null ? (
                    <p>
                      {t('accreditation.objections.granted', {
                        points: formatNumber(granted.points, lang),
                        hours: formatNumber(granted.netContactHours ?? a.netContactHours, lang),
                        years: granted.termYears ?? 0,
                      })}
                    </p>
                  ) : null}
                  {o.resolution.reason ? <p className="prewrap">{o.resolution.reason}</p> : null}
                </div>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** While a request is not there: loading, not found (another organisation's request answers 404 too), or the error. */
export function AccreditationQueryState({ query }: { query: UseQueryResult<unknown> }) {
  const { t } = useTranslation();
  if (query.isPending)
    return (
      <p className="notice notice--loading" role="status">
        {t('accreditation.loading')}
      </p>
    );
  if (query.isError && isNotFound(query.error)) return <p className="notice">{t('accreditation.detail.notFound')}</p>;
  return query.isError ? <ErrorMessage error={query.error} /> : null;
}

/**
 * What a request is, as the provider and staff both read it. `points` is the row that differs: the provider sees the
 * points granted (or those the rule gives), staff the rule's points they decide on; staff also see whether the rules
 * require the final test.
 */
export function AccreditationFacts({ a, points, showFinalTestRule = false }: { a: AccreditationDetail; points: ReactNode; showFinalTestRule?: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <dl className="details">
      <DetailRow label={t('accreditation.fields.status')}>
        <AccreditationBadge status={a.status} />
      </DetailRow>
      {a.code ? (
        <DetailRow label={t('accreditation.fields.code')} mono>
          <strong>{a.code}</strong>
        </DetailRow>
      ) : null}
      <DetailRow label={t('accreditation.fields.organisation')}>{a.organisation.name}</DetailRow>
      <DetailRow label={t('accreditation.fields.form')}>{named(a.form.name, lang)}</DetailRow>
      <DetailRow label={t('accreditation.fields.netContactHours')}>{formatNumber(a.netContactHours, lang)}</DetailRow>
      {points}
      {a.validFrom && a.validUntil ? (
        <DetailRow label={t('accreditation.fields.validity')}>{t('accreditation.detail.validity', { from: formatDate(a.validFrom, lang), until: formatDate(a.validUntil, lang) })}</DetailRow>
      ) : null}
      <DetailRow label={t('accreditation.fields.variants')}>{a.variants.map((v) => v.name).join(', ')}</DetailRow>
      <DetailRow label={t('accreditation.fields.competences')}>{a.competences.length ? a.competences.map((c) => (lang === 'en' ? c.nameEn : c.name)).join(', ') : t('common.none')}</DetailRow>
      <DetailRow label={t('accreditation.fields.hasFinalTest')}>
        {a.hasFinalTest ? t('accreditation.yes') : t('accreditation.no')}
        {showFinalTestRule && a.finalTestRequired ? ` (${t('accreditation.staff.finalTestRequired')})` : ''}
      </DetailRow>
      <DetailRow label={t('accreditation.fields.submittedAt')}>{formatDate(a.submittedAt, lang)}</DetailRow>
    </dl>
  );
}
