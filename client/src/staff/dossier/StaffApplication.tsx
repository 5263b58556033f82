import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import {
  ApiError,
  decideApplication,
  getStaffApplication,
  staffEvidenceUrl,
  type Decision,
  type DecisionResult,
  type OpenStatus,
  type StaffApplicationDetail,
} from '../../api/client.js';
import { AnswersSummary, personName } from '../../components/AnswersSummary.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { HistoryTimeline } from '../../components/HistoryTimeline.js';
import { useIssueText } from '../../components/IssueList.js';
import { variantName } from '../../registrant/account/MyRegistrations.js';
import { RequireLogin } from '../../components/RequireLogin.js';
import { StatusBadge } from '../../components/StatusBadge.js';
import { DECISIONS, isOpenStatus } from '../../api/types.js';
import { formatDate } from '../../lib/format.js';
import { useDocumentTitle, useRecord } from '../../lib/hooks.js';
import { DetailRow } from '../../components/DetailRow.js';

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
  const { state, reload } = useRecord(id, getStaffApplication);
  const [result, setResult] = useState<{ decision: Decision; result: DecisionResult } | null>(null);
  const [stale, setStale] = useState(0);

  const title =
    state.status === 'success'
      ? t('staff.dossier.title', {
          name: state.detail.person ? personName(state.detail.person) : t('staff.dossier.unnamed'),
          variant: variantName(state.detail.variant, lang),
        })
      : t('staff.dossier.titleGeneric');
  useDocumentTitle(title);

  // A different dossier starts without the previous one's decision result.
  useEffect(() => {
    setResult(null);
    setStale(0);
  }, [id]);

  if (state.status === 'loading') {
    return (
      <div aria-busy="true">
        <h1>{title}</h1>
        <p className="notice notice--loading" role="status">
          {t('staff.dossier.loading')}
        </p>
      </div>
    );
  }
  if (state.status === 'notFound') {
    return (
      <>
        <h1>{t('staff.dossier.notFoundTitle')}</h1>
        <p className="notice">{t('staff.dossier.notFoundText')}</p>
      </>
    );
  }
  if (state.status === 'error') {
    return (
      <>
        <h1>{title}</h1>
        <ErrorMessage error={state.error} />
      </>
    );
  }

  const detail = state.detail;
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

      {!result && isOpenStatus(detail.status) ? (
        <DecisionPanel
          applicationId={detail.id}
          expectedStatus={detail.status}
          onDecided={(decision, r) => {
            setResult({ decision, result: r });
            reload();
          }}
          onStale={() => {
            setStale((n) => n + 1);
            reload();
          }}
        />
      ) : null}
      {!result && !isOpenStatus(detail.status) ? <p className="notice">{t('staff.decision.notOpen')}</p> : null}
    </article>
  );
}

function CompletenessNotes({ detail }: { detail: StaffApplicationDetail }) {
  const { t } = useTranslation();
  const { fieldLabel, issueMessage } = useIssueText(detail.criteria);
  if (detail.completeness.complete || detail.completeness.issues.length === 0) {
    return <p className="notice notice--success">{t('staff.dossier.complete')}</p>;
  }
  return (
    <div className="notice notice--attention">
      <p className="notice__title">{t('staff.dossier.incomplete')}</p>
      <ul>
        {detail.completeness.issues.map((issue, i) => (
          <li key={`${issue.field}-${i}`}>
            {fieldLabel(issue.field)}: {issueMessage(issue)}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Someone else decided first: say so (focused) above the reloaded dossier. */
function StaleNotice() {
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

function DecisionOutcome({ decision, result }: { decision: Decision; result: DecisionResult }) {
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

function DecisionPanel({
  applicationId,
  expectedStatus,
  onDecided,
  onStale,
}: {
  applicationId: string;
  expectedStatus: OpenStatus;
  onDecided: (decision: Decision, result: DecisionResult) => void;
  onStale: () => void;
}) {
  const { t } = useTranslation();
  const [decision, setDecision] = useState<Decision | ''>('');
  const [text, setText] = useState<Record<'reject' | 'request_info', string>>({ reject: '', request_info: '' });
  const [problem, setProblem] = useState<'noDecision' | 'noText' | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const firstRadio = useRef<HTMLInputElement>(null);
  const textRef = useRef<HTMLTextAreaElement>(null);
  const confirmRef = useRef<HTMLDivElement>(null);
  const submitRef = useRef<HTMLButtonElement>(null);
  const errorRef = useRef<HTMLDivElement>(null);
  const textId = useId();
  const textHintId = useId();
  const problemId = useId();

  const wasConfirming = useRef(false);
  useEffect(() => {
    if (confirming) {
      wasConfirming.current = true;
      confirmRef.current?.focus();
    } else if (wasConfirming.current) {
      wasConfirming.current = false;
      submitRef.current?.focus();
    }
  }, [confirming]);
  useEffect(() => {
    if (error) errorRef.current?.focus();
  }, [error]);

  const send = async (d: Decision) => {
    setBusy(true);
    setError(null);
    try {
      const body =
        d === 'reject'
          ? { decision: d, reason: text.reject.trim(), expectedStatus }
          : d === 'request_info'
            ? { decision: d, question: text.request_info.trim(), expectedStatus }
            : { decision: d, expectedStatus };
      const result = await decideApplication(applicationId, body);
      onDecided(d, result);
    } catch (err) {
      // Focus goes to the error (or the stale notice), not back to the submit button.
      wasConfirming.current = false;
      setConfirming(false);
      if (err instanceof ApiError && err.code === 'status_changed') onStale();
      else setError(err);
    } finally {
      setBusy(false);
    }
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!decision) {
      setProblem('noDecision');
      firstRadio.current?.focus();
      return;
    }
    if (decision !== 'approve' && !text[decision].trim()) {
      setProblem('noText');
      textRef.current?.focus();
      return;
    }
    setProblem(null);
    if (decision === 'approve') setConfirming(true);
    else void send(decision);
  };

  return (
    <section className="decision" aria-labelledby="decision-heading">
      <h2 id="decision-heading">{t('staff.decision.title')}</h2>
      {error ? (
        <div ref={errorRef} tabIndex={-1}>
          <ErrorMessage error={error} />
        </div>
      ) : null}
      <form className="form" onSubmit={onSubmit} noValidate>
        <fieldset className="fieldset" aria-describedby={problem === 'noDecision' ? problemId : undefined}>
          <legend className="legend">{t('staff.decision.legend')}</legend>
          {problem === 'noDecision' ? (
            <p className="field-error" id={problemId} role="alert">
              {t('staff.decision.chooseDecision')}
            </p>
          ) : null}
          <ul className="plain-list choices">
            {DECISIONS.map((d, i) => (
              <li key={d} className="choice">
                <input
                  ref={i === 0 ? firstRadio : undefined}
                  className="choice__input"
                  type="radio"
                  name="decision"
                  id={`decision-${d}`}
                  value={d}
                  checked={decision === d}
                  disabled={busy}
                  onChange={() => {
                    setDecision(d);
                    setConfirming(false);
                    setProblem(null);
                  }}
                  aria-describedby={`decision-${d}-hint`}
                />
                <label className="choice__label" htmlFor={`decision-${d}`}>
                  {t(`staff.decision.option.${d}`)}
                </label>
                <p className="hint choice__hint" id={`decision-${d}-hint`}>
                  {t(`staff.decision.optionHint.${d}`)}
                </p>
              </li>
            ))}
          </ul>
        </fieldset>

        {decision === 'reject' || decision === 'request_info' ? (
          <div className="field">
            <label className="label" htmlFor={textId}>
              {t(`staff.decision.textLabel.${decision}`)}
            </label>
            <p className="hint" id={textHintId}>
              {t(`staff.decision.textHint.${decision}`)}
            </p>
            {problem === 'noText' ? (
              <p className="field-error" id={problemId} role="alert">
                {t(`staff.decision.textRequired.${decision}`)}
              </p>
            ) : null}
            <textarea
              ref={textRef}
              id={textId}
              className="input textarea"
              rows={5}
              maxLength={2000}
              required
              value={text[decision]}
              onChange={(e) => setText({ ...text, [decision]: e.target.value })}
              aria-describedby={[textHintId, problem === 'noText' ? problemId : null].filter(Boolean).join(' ')}
              aria-invalid={problem === 'noText' ? true : undefined}
              disabled={busy}
            />
          </div>
        ) : null}

        {confirming ? (
          <div className="notice notice--attention confirm" tabIndex={-1} ref={confirmRef} role="group" aria-labelledby="confirm-title">
            <p className="notice__title" id="confirm-title">
              {t('staff.decision.confirmTitle')}
            </p>
            <p>{t('staff.decision.confirmText')}</p>
            <p className="actions">
              <button type="button" className="button" onClick={() => void send('approve')} disabled={busy}>
                {busy ? t('staff.decision.saving') : t('staff.decision.confirmYes')}
              </button>
              <button
                type="button"
                className="button button--secondary"
                disabled={busy}
                onClick={() => setConfirming(false)}
              >
                {t('staff.decision.confirmNo')}
              </button>
            </p>
          </div>
        ) : (
          <p className="actions">
            <button type="submit" className="button" disabled={busy} ref={submitRef}>
              {busy ? t('staff.decision.saving') : t('staff.decision.submit')}
            </button>
          </p>
        )}
      </form>
    </section>
  );
}
