import { useId, useRef, type FormEvent } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { useDecideCpdActivity } from '../../api/staff-cpd.js';
import { CPD_REVIEW_DECISIONS, type CpdActivityDecisionRequest, type CpdActivityDecisionResult, type StaffCpdActivity } from '../../api/types.js';
import { formatNumber } from '../../lib/format.js';
import { ConfirmDecision, DecisionChoices, DecisionError, DecisionText } from '../decision/DecisionSteps.js';
import { useDecisionStep } from '../decision/use-decision-step.js';
import { cpdDecisionFormSchema, EMPTY_CPD_DECISION, isCpdDecisionProblem, type CpdDecisionFormValues } from './cpd-decision-form.js';

/**
 * Approve (the claim), adjust (fewer points or hours, with a reason) or reject (with a reason); every decision is
 * confirmed before it is sent, validated with the server's schema, and refused with 409 when someone decided first.
 */
export function CpdDecisionPanel({
  activity,
  onDecided,
  onStale,
}: {
  activity: StaffCpdActivity;
  onDecided: (result: CpdActivityDecisionResult) => void;
  onStale: () => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { claim } = activity;
  const { register, handleSubmit, watch, formState } = useForm<CpdDecisionFormValues, unknown, CpdActivityDecisionRequest>({
    resolver: zodResolver(cpdDecisionFormSchema(claim.amount, activity.updatedAt)),
    defaultValues: EMPTY_CPD_DECISION,
    shouldFocusError: false,
  });
  const decision = watch('decision');
  const decide = useDecideCpdActivity(activity.id);
  const busy = decide.isPending;
  const { confirming, setConfirming, error, send, confirmRef, submitRef, errorRef } = useDecisionStep({
    decide: decide.mutateAsync,
    onDecided: (_body: CpdActivityDecisionRequest, result: CpdActivityDecisionResult) => onDecided(result),
    onStale,
  });
  const firstRadio = useRef<HTMLInputElement | null>(null);
  const pointsRef = useRef<HTMLInputElement | null>(null);
  const reasonRef = useRef<HTMLTextAreaElement | null>(null);
  const ids = { decision: useId(), points: useId(), pointsHint: useId(), pointsError: useId(), reason: useId(), reasonHint: useId(), reasonError: useId() };

  const unitWord = (n: number) => t(claim.unit === 'hours' ? 'staffCpd.hours' : 'staffCpd.points', { count: n, n: formatNumber(n, lang) });
  const problemText = (message: string | undefined) => (message ? t(`staffCpd.decision.problem.${isCpdDecisionProblem(message) ? message : 'invalid'}`, { claim: unitWord(claim.amount) }) : null);
  const decisionProblem = problemText(formState.errors.decision?.message);
  const pointsProblem = decision === 'adjust' ? problemText(formState.errors.points?.message) : null;
  const reasonProblem = decision === 'adjust' || decision === 'reject' ? problemText(formState.errors.reason?.message) : null;

  const onSubmit = (event: FormEvent<HTMLFormElement>) =>
    void handleSubmit(
      (body) => setConfirming(body),
      (errors) => {
        if (errors.decision) firstRadio.current?.focus();
        else if (errors.points) pointsRef.current?.focus();
        else reasonRef.current?.focus();
      },
    )(event);

  const pointsField = register('points');
  const reasonField = register('reason');
  const confirmText = (body: CpdActivityDecisionRequest) => {
    switch (body.decision) {
      case 'approve':
        return t('staffCpd.decision.confirm.approve', { amount: unitWord(claim.amount) });
      case 'adjust':
        return t('staffCpd.decision.confirm.adjust', { amount: unitWord(body.points), claim: unitWord(claim.amount) });
      case 'reject':
        return t('staffCpd.decision.confirm.reject', { claim: unitWord(claim.amount) });
      default:
        return '';
    }
  };

  return (
    <section className="decision" aria-labelledby="cpd-decision-heading">
      <h2 id="cpd-decision-heading">{t('staffCpd.decision.title')}</h2>
      <DecisionError error={error} errorRef={errorRef} />
      <form className="form" onSubmit={onSubmit} noValidate>
        <fieldset className="fieldset" aria-describedby={decisionProblem ? ids.decision : undefined}>
          <legend className="legend">{t('staffCpd.decision.legend')}</legend>
          {decisionProblem ? (
            <p className="field-error" id={ids.decision} role="alert">
              {decisionProblem}
            </p>
          ) : null}
          <DecisionChoices
            choices={CPD_REVIEW_DECISIONS}
            field={register('decision', { onChange: () => setConfirming(null) })}
            idPrefix="cpd-decision"
            label={(d) => t(`staffCpd.decision.option.${d}`)}
            hint={(d) => t(`staffCpd.decision.optionHint.${d}`, { claim: unitWord(claim.amount) })}
            disabled={busy}
            firstRef={firstRadio}
          />
        </fieldset>

        {decision === 'adjust' ? (
          <div className="field">
            <label className="label" htmlFor={ids.points}>
              {t(claim.unit === 'hours' ? 'staffCpd.decision.hoursLabel' : 'staffCpd.decision.pointsLabel')}
            </label>
            <p className="hint" id={ids.pointsHint}>
              {t('staffCpd.decision.pointsHint', { claim: unitWord(claim.amount) })}
            </p>
            {pointsProblem ? (
              <p className="field-error" id={ids.pointsError} role="alert">
                {pointsProblem}
              </p>
            ) : null}
            <input
              {...pointsField}
              ref={(el) => {
                pointsField.ref(el);
                pointsRef.current = el;
              }}
              id={ids.points}
              className="input input--narrow"
              inputMode="decimal"
              autoComplete="off"
              aria-describedby={[ids.pointsHint, pointsProblem ? ids.pointsError : null].filter(Boolean).join(' ')}
              aria-invalid={pointsProblem ? true : undefined}
              disabled={busy}
            />
          </div>
        ) : null}

        {decision === 'adjust' || decision === 'reject' ? (
          <DecisionText
            ids={{ text: ids.reason, hint: ids.reasonHint, error: ids.reasonError }}
            label={t(`staffCpd.decision.reasonLabel.${decision}`)}
            hint={t('staffCpd.decision.reasonHint')}
            problem={reasonProblem}
            field={reasonField}
            textRef={reasonRef}
            disabled={busy}
          />
        ) : null}

        {confirming ? (
          <ConfirmDecision
            titleId="cpd-confirm-title"
            title={t(`staffCpd.decision.confirmTitle.${confirming.decision}`)}
            text={confirmText(confirming)}
            yes={busy ? t('staffCpd.decision.saving') : t('staffCpd.decision.confirmYes')}
            no={t('staffCpd.decision.confirmNo')}
            busy={busy}
            confirmRef={confirmRef}
            onYes={() => void send(confirming)}
            onNo={() => setConfirming(null)}
          />
        ) : (
          <p className="actions">
            <button type="submit" className="button" disabled={busy} ref={submitRef}>
              {t('staffCpd.decision.submit')}
            </button>
          </p>
        )}
      </form>
    </section>
  );
}
