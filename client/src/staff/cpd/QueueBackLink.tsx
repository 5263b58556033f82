import { Link, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { queuePath, queueReturnPath } from './cpd-queue.js';

/** The back link of a page the CPD queue opens: to the tab, filters and page it was opened from, else the whole queue. */
export function QueueBackLink() {
  const { t } = useTranslation();
  const back = queueReturnPath(useLocation().state) ?? queuePath();
  return (
    <p className="back-link">
      <Link to={back}>{t('staffCpd.review.backToQueue')}</Link>
    </p>
  );
}
