import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.js';
import { useDecideApplication } from '../../api/staff.js';
import type { Decision, DecisionResult, OpenStatus } from '../../api/types.js';
import { DECISIONS } from '../../api/types.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';

/** Approve (after a confirmation), reject with a reason, or ask for information. */
export function DecisionPanel({
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
  const decide = useDecideApplication(applicationId);
  const busy = decide.isPending;
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
    setError(null);
    try {
      const body =
        d === 'reject'
          ? { decision: d, reason: text.reject.trim(), expectedStatus }
          : d === 'request_info'
            ? { decision: d, question: text.request_info.trim(), expectedStatus }
            : { decision: d, expectedStatus };
      const result = await decide.mutateAsync(body);
      onDecided(d, result);
    } catch (err) {
      // Focus goes to the error (or the stale notice), not back to the submit button.
      wasConfirming.current = false;
      setConfirming(false);
      if (err instanceof ApiError && err.code === 'status_changed') onStale();
      else setError(err);
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
