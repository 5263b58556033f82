import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.js';
import { useDecideApplication } from '../../api/staff.js';
import type { Decision, DecisionRequest, DecisionResult, OpenStatus } from '../../api/types.js';
import { DECISIONS } from '../../api/types.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { decisionFormSchema, decisionProblem, EMPTY_DECISION, type DecisionFormValues } from './decision-form.js';

/** Approve (after a confirmation), reject with a reason, or ask for information; validated with the server's schema. */
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
  const { register, handleSubmit, watch, getValues, formState } = useForm<DecisionFormValues, unknown, DecisionRequest>({
    resolver: zodResolver(decisionFormSchema(expectedStatus)),
    defaultValues: EMPTY_DECISION,
    shouldFocusError: false,
  });
  const decision = watch('decision');
  const [confirming, setConfirming] = useState<DecisionRequest | null>(null);
  const decide = useDecideApplication(applicationId);
  const busy = decide.isPending;
  const [error, setError] = useState<unknown>(null);
  const firstRadio = useRef<HTMLInputElement | null>(null);
  const textRef = useRef<HTMLTextAreaElement | null>(null);
  const confirmRef = useRef<HTMLDivElement>(null);
  const submitRef = useRef<HTMLButtonElement>(null);
  const errorRef = useRef<HTMLDivElement>(null);
  const textId = useId();
  const textHintId = useId();
  const problemId = useId();

  const textField = decision === 'reject' ? 'reason' : decision === 'request_info' ? 'question' : null;
  const decisionError = formState.errors.decision;
  const textError = textField ? formState.errors[textField] : undefined;
  const problem = decisionError
    ? 'noDecision'
    : textField && textError
      ? decisionProblem(textField, getValues(textField))
      : null;

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

  const send = async (body: DecisionRequest) => {
    setError(null);
    try {
      const result = await decide.mutateAsync(body);
      onDecided(body.decision, result);
    } catch (err) {
      // Focus goes to the error (or the stale notice), not back to the submit button.
      wasConfirming.current = false;
      setConfirming(null);
      if (err instanceof ApiError && err.code === 'status_changed') onStale();
      else setError(err);
    }
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) =>
    void handleSubmit(
      (body) => {
        if (body.decision === 'approve') setConfirming(body);
        else void send(body);
      },
      (errors) => {
        if (errors.decision) firstRadio.current?.focus();
        else textRef.current?.focus();
      },
    )(event);

  const textRegistration = textField ? register(textField) : null;

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
            {DECISIONS.map((d, i) => {
              const registration = register('decision', { onChange: () => setConfirming(null) });
              return (
                <li key={d} className="choice">
                  <input
                    {...registration}
                    ref={(el) => {
                      registration.ref(el);
                      if (i === 0) firstRadio.current = el;
                    }}
                    className="choice__input"
                    type="radio"
                    id={`decision-${d}`}
                    value={d}
                    disabled={busy}
                    aria-describedby={`decision-${d}-hint`}
                  />
                  <label className="choice__label" htmlFor={`decision-${d}`}>
                    {t(`staff.decision.option.${d}`)}
                  </label>
                  <p className="hint choice__hint" id={`decision-${d}-hint`}>
                    {t(`staff.decision.optionHint.${d}`)}
                  </p>
                </li>
              );
            })}
          </ul>
        </fieldset>

        {textRegistration && (decision === 'reject' || decision === 'request_info') ? (
          <div className="field">
            <label className="label" htmlFor={textId}>
              {t(`staff.decision.textLabel.${decision}`)}
            </label>
            <p className="hint" id={textHintId}>
              {t(`staff.decision.textHint.${decision}`)}
            </p>
            {problem === 'noText' || problem === 'textTooShort' ? (
              <p className="field-error" id={problemId} role="alert">
                {problem === 'noText' ? t(`staff.decision.textRequired.${decision}`) : t(`staff.decision.textTooShort.${decision}`)}
              </p>
            ) : null}
            <textarea
              key={textField}
              {...textRegistration}
              ref={(el) => {
                textRegistration.ref(el);
                textRef.current = el;
              }}
              id={textId}
              className="input textarea"
              rows={5}
              maxLength={2000}
              required
              aria-describedby={[textHintId, problem === 'noText' || problem === 'textTooShort' ? problemId : null].filter(Boolean).join(' ')}
              aria-invalid={problem === 'noText' || problem === 'textTooShort' ? true : undefined}
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
              <button type="button" className="button" onClick={() => void send(confirming)} disabled={busy}>
                {busy ? t('staff.decision.saving') : t('staff.decision.confirmYes')}
              </button>
              <button type="button" className="button button--secondary" disabled={busy} onClick={() => setConfirming(null)}>
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
