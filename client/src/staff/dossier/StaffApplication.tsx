import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { isOpenStatus } from '../../api/types.js';
import { useTranslation } from 'react-i18next';
import { staffEvidenceUrl } from '../../api/client.js';
import { isNotFound } from '../../api/query-client.js';
import { useStaffApplication } from '../../api/staff.js';
import type { Decision, DecisionResult } from '../../api/types.js';
import { AnswersSummary } from '../../components/AnswersSummary.js';
import { personName } from '../../lib/names.js';
import { DetailRow } from '../../components/DetailRow.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { HistoryTimeline } from '../../components/HistoryTimeline.js';
import { RequireLogin } from '../../components/RequireLogin.js';
import { StatusBadge } from '../../components/StatusBadge.js';
import { formatDate } from '../../lib/format.js';
import { useDocumentTitle } from '../../lib/hooks.js';
import { variantName } from '../../lib/names.js';
import { CompletenessNotes } from './CompletenessNotes.js';
import { DecisionOutcome, StaleNotice } from './DecisionNotices.js';
import { DecisionPanel } from './DecisionPanel.js';

/** /staff/applications/:id — one dossier with its evidence and history, and the decision. */
export function StaffApplication() {
  const { t } = useTranslation();
  return (
    <>
      <p className="back-link">
        <Link to="/staff">{t('staff.backToQueue')}</Link>
      </p>
      <RequireLogin role="staff">{() => <Dossier />}</RequireLogin>
    </>
  );
}

function Dossier() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { id = '' } = useParams();
  const query = useStaffApplication(id);
  const [result, setResult] = useState<{ decision: Decision; result: DecisionResult } | null>(null);
  const [stale, setStale] = useState(0);

  const title =
    query.data
      ? t('staff.dossier.title', {
          name: query.data.person ? personName(query.data.person) : t('staff.dossier.unnamed'),
          variant: variantName(query.data.variant, lang),
        })
      : t('staff.dossier.titleGeneric');
  useDocumentTitle(title);

  // A different dossier starts without the previous one's decision result (reset while rendering, not in an effect).
  const [shownId, setShownId] = useState(id);
  if (shownId !== id) {
    setShownId(id);
    setResult(null);
    setStale(0);
  }

  if (query.isPending) {
    return (
      <div aria-busy="true">
        <h1>{title}</h1>
        <p className="notice notice--loading" role="status">
          {t('staff.dossier.loading')}
        </p>
      </div>
    );
  }
  if (query.isError && isNotFound(query.error)) {
    return (
      <>
        <h1>{t('staff.dossier.notFoundTitle')}</h1>
        <p className="notice">{t('staff.dossier.notFoundText')}</p>
      </>
    );
  }
  if (query.isError) {
    return (
      <>
        <h1>{title}</h1>
        <ErrorMessage error={query.error} />
      </>
    );
  }

  const detail = query.data;
  return (
    <article>
      <h1>{title}</h1>
      <dl className="details">
        <DetailRow label={t('detail.status')}>
          <StatusBadge status={detail.status} />
        </DetailRow>
        <DetailRow label={t('staff.columns.variant')}>
          {variantName(detail.variant, lang)}{' '}
          <span className={`kind kind--${detail.variant.kind}`}>{t(`variantKind.${detail.variant.kind}`)}</span>
        </DetailRow>
        <DetailRow label={t('myRegistrations.submittedAt')}>
          {detail.submittedAt ? formatDate(detail.submittedAt, lang) : t('common.none')}
        </DetailRow>
      </dl>

      {stale > 0 ? <StaleNotice key={stale} /> : null}
      {result ? <DecisionOutcome decision={result.decision} result={result.result} /> : null}

      <CompletenessNotes detail={detail} />

      <AnswersSummary
        person={detail.person}
        application={detail.application}
        criteria={detail.criteria}
        evidence={detail.evidence}
        evidenceUrl={(evidenceId) => staffEvidenceUrl(detail.id, evidenceId)}
        inlineEvidence
      />

      <section aria-labelledby="history-heading">
        <h2 id="history-heading">{t('history.title')}</h2>
        <HistoryTimeline history={detail.history} />
      </section>

      {!result && detail.can.decide && isOpenStatus(detail.status) ? (
        <DecisionPanel
          applicationId={detail.id}
          expectedStatus={detail.status}
          onDecided={(decision, r) => {
            setResult({ decision, result: r });
          }}
          onStale={() => {
            setStale((n) => n + 1);
          }}
        />
      ) : null}
      {!result && !detail.can.decide ? <p className="notice">{t('staff.decision.notOpen')}</p> : null}
    </article>
  );
}
