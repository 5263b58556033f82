import { useTranslation } from 'react-i18next';
import { ACCREDITATION_STATUSES, type AccreditationDetail } from '../../api/accreditations.js';
import { formatDate, formatNumber } from '../../lib/format.js';

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
export function ObjectionList({ a }: { a: AccreditationDetail }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  if (!a.objections.length) return null;
  return (
    <section aria-labelledby="objections-heading">
      <h2 id="objections-heading">{t('accreditation.objections.title')}</h2>
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
