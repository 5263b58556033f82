import { useTranslation } from 'react-i18next';
import { CPD_ACTIVITY_STATUSES } from '../../api/cpd-types.js';

/** An activity's status as text plus colour (never colour alone). */
export function CpdStatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  const known = (CPD_ACTIVITY_STATUSES as readonly string[]).includes(status);
  return (
    <span className={`cpd-badge cpd-badge--${known ? status : 'pending'}`} data-status={status}>
      {known ? t(`cpd.status.${status}`) : status}
    </span>
  );
}
