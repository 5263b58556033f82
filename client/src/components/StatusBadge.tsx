import { useTranslation } from 'react-i18next';
import { isStatus } from '../api/types.js';

/** Registration status shown as text plus colour (never colour alone). */
export function StatusBadge({ status, size }: { status: string; size?: 'large' }) {
  const { t } = useTranslation();
  const known = isStatus(status);
  const label = known ? t(`status.${status}`) : status;
  const classes = ['badge', known ? `badge--${status}` : 'badge--unknown'];
  if (size === 'large') classes.push('badge--large');
  return (
    <span className={classes.join(' ')} data-status={status}>
      {label}
    </span>
  );
}
