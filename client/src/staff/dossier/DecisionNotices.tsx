import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Decision, DecisionResult } from '../../api/types.js';
import { StatusBadge } from '../../components/StatusBadge.js';

/** Someone else decided first: say so (focused) above the reloaded dossier. */
export function StaleNotice() {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div className="notice notice--error" role="alert" tabIndex={-1} ref={ref}>
      <p className="notice__title">{t('staff.decision.staleTitle')}</p>
      <p>{t('staff.decision.staleText')}</p>
    </div>
  );
}

/** The decision just recorded, focused, with the new status (and number on approval). */
export function DecisionOutcome({ decision, result }: { decision: Decision; result: DecisionResult }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div className="notice notice--success" role="status" tabIndex={-1} ref={ref}>
      <p className="notice__title">{t(`staff.decision.done.${decision}`)}</p>
      <p>
        {t('staff.decision.newStatus')} <StatusBadge status={result.status} />
      </p>
      {decision === 'approve' && result.registrationNumber ? (
        <p>
          {t('staff.decision.registrationNumber')} <span className="mono">{result.registrationNumber}</span>
        </p>
      ) : null}
      <p>
        <Link to="/staff">{t('staff.backToQueue')}</Link>
      </p>
    </div>
  );
}
