import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { myEvidenceUrl } from '../../api/client.js';
import type { MyRegistrationDetail } from '../../api/types.js';
import { AnswersSummary } from '../../components/AnswersSummary.js';
import { CycleTimeline } from '../../components/CycleTimeline.js';
import { DetailRow } from '../../components/DetailRow.js';
import { HistoryTimeline } from '../../components/HistoryTimeline.js';
import { StatusBadge } from '../../components/StatusBadge.js';
import { RegistrationFacts } from '../account/MyRegistrations.js';
import { usePageTitle } from './page-title.js';

/** A submitted application or a registration, read-only. */
export function ApplicationView({ detail, justSubmitted }: { detail: MyRegistrationDetail; justSubmitted: boolean }) {
  const { t } = useTranslation();
  const pageTitle = usePageTitle();
  const flashRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (justSubmitted) flashRef.current?.focus();
  }, [justSubmitted]);

  return (
    <article>
      <h1>{pageTitle(detail)}</h1>
      {justSubmitted ? (
        <div className="notice notice--success" role="status" tabIndex={-1} ref={flashRef}>
          <p className="notice__title">{t('application.submittedTitle')}</p>
          <p>{t('application.submittedText')}</p>
        </div>
      ) : null}
      <dl className="details">
        <DetailRow label={t('detail.status')}>
          <StatusBadge status={detail.status} />
        </DetailRow>
        <RegistrationFacts registration={detail} />
      </dl>
      {detail.nextStep === 'download_certificate' ? (
        <p>
          <Link to="/account">{t('application.toCertificate')}</Link>
        </p>
      ) : null}
      {detail.staffQuestion ? (
        <div className="notice">
          <p className="notice__title">{t('application.staffQuestionTitle')}</p>
          <p className="prewrap">{detail.staffQuestion}</p>
        </div>
      ) : null}
      {detail.cycle ? (
        <section aria-labelledby="cycle-heading">
          <h2 id="cycle-heading">{t('cycle.title')}</h2>
          <CycleTimeline cycle={detail.cycle} />
        </section>
      ) : null}
      <AnswersSummary
        person={detail.person}
        application={detail.application}
        criteria={detail.criteria}
        evidence={detail.evidence}
        evidenceUrl={(evidenceId) => myEvidenceUrl(detail.id, evidenceId)}
      />
      <section aria-labelledby="history-heading">
        <h2 id="history-heading">{t('history.title')}</h2>
        <HistoryTimeline history={detail.history} />
      </section>
    </article>
  );
}
