import { useTranslation } from 'react-i18next';
import type { OrganisationStatusCode } from '../api/organisation-types.js';
import { formatDate } from '../lib/format.js';

/** The registration badge colours carry over: pending like a submitted application, authorised like registered. */
const BADGE: Record<OrganisationStatusCode, string> = { pending: 'badge--submitted', authorised: 'badge--registered', refused: 'badge--rejected' };

/** An organisation's status as text plus colour (never colour alone). */
export function OrganisationStatusBadge({ status }: { status: OrganisationStatusCode }) {
  const { t } = useTranslation();
  return (
    <span className={`badge ${BADGE[status]}`} data-status={status}>
      {t(`organisations.status.${status}`)}
    </span>
  );
}

/** What the status means for the organisation now, with staff's reason when they refused it. */
export function OrganisationStatusNotice({ status, refusalReason, requestedAt }: { status: OrganisationStatusCode; refusalReason: string | null; requestedAt: string | null }) {
  const { t, i18n } = useTranslation();
  if (status === 'authorised') return null;
  if (status === 'pending') {
    return (
      <div className="notice notice--attention" role="status">
        <p className="notice__title">{t('organisations.statusNotice.pendingTitle')}</p>
        <p>{requestedAt ? t('organisations.statusNotice.pendingSince', { date: formatDate(requestedAt, i18n.language) }) : t('organisations.statusNotice.pending')}</p>
      </div>
    );
  }
  return (
    <div className="notice notice--error" role="status">
      <p className="notice__title">{t('organisations.statusNotice.refusedTitle')}</p>
      <p>{t('organisations.statusNotice.refusedReason')}</p>
      <p className="prewrap">{refusalReason}</p>
      <p>{t('organisations.statusNotice.refusedNext')}</p>
    </div>
  );
}
