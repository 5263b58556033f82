import { useId, useRef, type FormEvent } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { useDecideApplication } from '../../api/staff.js';
import type { Decision, DecisionRequest, DecisionResult, OpenStatus } from '../../api/types.js';
import { DECISIONS } from '../../api/types.js';
import { ConfirmDecision, DecisionChoices, DecisionError, DecisionText } from '../decision/DecisionSteps.js';
import { useDecisionStep } from '../decision/use-decision-step.js';
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
  const decide = useDecideApplication(applicationId);
  const busy = decide.isPending;
  const { confirming, setConfirming, error, send, confirmRef, submitRef, errorRef } = useDecisionStep({
    decide: decide.mutateAsync,
    onDecided: (body: DecisionRequest, result: DecisionResult) => onDecided(body.decision, result),
    onStale,
  });
  const firstRadio = useRef<HTMLInputElement | null>(null);
  const textRef = useRef<HTMLTextAreaElement | null>(null);
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
      <DecisionError error={error} errorRef={errorRef} />
      <form className="form" onSubmit={onSubmit} noValidate>
        <fieldset className="fieldset" aria-describedby={problem === 'noDecision' ? problemId : undefined}>
          <legend className="legend">{t('staff.decision.legend')}</legend>
          {problem === 'noDecision' ? (
            <p className="field-error" id={problemId} role="alert">
              {t('staff.decision.chooseDecision')}
            </p>
          ) : null}
          <DecisionChoices
            choices={DECISIONS}
            field={register('decision', { onChange: () => setConfirming(null) })}
            idPrefix="decision"
            label={(d) => t(`staff.decision.option.${d}`)}
            hint={(d) => t(`staff.decision.optionHint.${d}`)}
            disabled={busy}
            firstRef={firstRadio}
          />
        </fieldset>

        {textRegistration && (decision === 'reject' || decision === 'request_info') ? (
          <DecisionText
            key={textField}
            ids={{ text: textId, hint: textHintId, error: problemId }}
            label={t(`staff.decision.textLabel.${decision}`)}
            hint={t(`staff.decision.textHint.${decision}`)}
            problem={problem === 'noText' ? t(`staff.decision.textRequired.${decision}`) : problem === 'textTooShort' ? t(`staff.decision.textTooShort.${decision}`) : null}
            field={textRegistration}
            textRef={textRef}
            disabled={busy}
            required
          />
        ) : null}

        {confirming ? (
          <ConfirmDecision
            titleId="confirm-title"
            title={t('staff.decision.confirmTitle')}
            text={t('staff.decision.confirmText')}
            yes={busy ? t('staff.decision.saving') : t('staff.decision.confirmYes')}
            no={t('staff.decision.confirmNo')}
            busy={busy}
            confirmRef={confirmRef}
            onYes={() => void send(confirming)}
            onNo={() => setConfirming(null)}
          />
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
