import { useTranslation } from 'react-i18next';
import { isStatus } from '../domain.js';

/** Registration status shown as text plus colour (never colour alone). */
export function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  const known = isStatus(status);
  const label = known ? t(`status.${status}`) : status;
  return (
    <span className={`badge ${known ? `badge--${status}` : 'badge--unknown'}`} data-status={status}>
      {label}
    </span>
  );
}
