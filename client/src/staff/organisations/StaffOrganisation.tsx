import { useCallback, useId, useRef, useState, type FormEvent } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { organisationDecisionBody } from '../../../../server/contract/organisations.js';
import { ApiError } from '../../api/client.js';
import { useDecideOrganisation, useStaffOrganisation } from '../../api/organisations.js';
import { DetailRow } from '../../components/DetailRow.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { RequireLogin } from '../../components/RequireLogin.js';
import { formatDate } from '../../lib/format.js';
import { useDocumentTitle } from '../../lib/hooks.js';
import { ORGANISATION_FIELDS } from '../../provider/organisation-form.js';
import { OrganisationStatusBadge } from '../../provider/OrganisationStatus.js';
import { queueReturnPath } from '../cpd/cpd-queue.js';

/** /staff/organisations/:id: one organisation request, and authorising or refusing it (with a reason). */
export function StaffOrganisation() {
  const { t } = useTranslation();
  useDocumentTitle(t('organisations.staff.detailTitle'));
  const { id = '' } = useParams();
  // Opened from the CPD queue (organisation requests are one of its kinds): back there; otherwise to the organisations.
  const fromQueue = queueReturnPath(useLocation().state);
  return (
    <>
      <Link className="back-link" to={fromQueue ?? '/staff/organisations'}>
        {fromQueue ? t('staffCpd.review.backToQueue') : t('organisations.staff.back')}
      </Link>
      <RequireLogin role="staff">{() => <DetailView id={id} />}</RequireLogin>
    </>
  );
}

function DetailView({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const detail = useStaffOrganisation(id);
  // Held here: the reloaded detail no longer offers the form that made the decision.
  const decide = useDecideOrganisation(id);
  // The outcome takes the place of the form (and of the button that had the focus): the focus moves to it.
  const focusOutcome = useCallback((el: HTMLParagraphElement | null) => el?.focus(), []);
  if (detail.isPending) return <p className="notice notice--loading">{t('organisations.loading')}</p>;
  if (detail.isError) return <ErrorMessage error={detail.error} />;
  const o = detail.data;
  return (
    <>
      <h1>
        {o.name} <OrganisationStatusBadge status={o.status} />
      </h1>
      <dl className="details">
        <DetailRow label={t('organisations.staff.kind')}>{t(`organisations.kind.${o.kind}`)}</DetailRow>
        {ORGANISATION_FIELDS.filter((f) => f !== 'name').map((f) => (
          <DetailRow key={f} label={t(`organisations.fields.${f}.label`)} mono={f === 'kvkNumber'}>
            {o[f] ?? t('common.none')}
          </DetailRow>
        ))}
        <DetailRow label={t('organisations.staff.requestedBy')}>{o.requestedBy ? `${o.requestedBy.displayName}${o.requestedBy.email ? ` (${o.requestedBy.email})` : ''}` : t('common.none')}</DetailRow>
        <DetailRow label={t('organisations.staff.columns.requestedAt')}>
          {o.requestedAt ? formatDate(o.requestedAt, lang) : t('common.none')}
          {o.ageDays !== null ? ` · ${t('organisations.staff.ageDays', { count: o.ageDays, days: o.ageDays })}` : ''}
        </DetailRow>
        <DetailRow label={t('organisations.staff.members')}>{o.memberCount}</DetailRow>
        {o.decidedAt ? (
          <DetailRow label={t('organisations.staff.decided')}>
            {formatDate(o.decidedAt, lang)}
            {o.decidedBy ? ` · ${o.decidedBy}` : ''}
          </DetailRow>
        ) : null}
        {o.refusalReason ? (
          <DetailRow label={t('organisations.staff.reason')}>
            <span className="prewrap">{o.refusalReason}</span>
          </DetailRow>
        ) : null}
      </dl>
      {decide.isSuccess ? (
        <p className="notice notice--success" role="status" tabIndex={-1} ref={focusOutcome}>
          {t(decide.data.status === 'authorised' ? 'organisations.staff.authorisedDone' : 'organisations.staff.refusedDone')}
        </p>
      ) : o.can.decide ? (
        <DecisionForm decide={decide} />
      ) : (
        <p className="notice">{t('organisations.staff.decidedAlready')}</p>
      )}
    </>
  );
}

function DecisionForm({ decide }: { decide: ReturnType<typeof useDecideOrganisation> }) {
  const { t } = useTranslation();
  const [decision, setDecision] = useState<'authorise' | 'refuse' | ''>('');
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<'noDecision' | 'reason' | null>(null);
  const reasonId = useId();
  const problemRef = useRef<HTMLParagraphElement>(null);
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = organisationDecisionBody.safeParse(decision === 'refuse' ? { decision, reason } : { decision });
    if (!parsed.success) {
      setProblem(decision === '' ? 'noDecision' : 'reason');
      requestAnimationFrame(() => (decision === 'refuse' ? reasonRef.current?.focus() : problemRef.current?.focus()));
      return;
    }
    setProblem(null);
    decide.mutate(parsed.data);
  };
  const stale = decide.error instanceof ApiError && decide.error.code === 'organisation_decided';
  return (
    <form className="form decision" onSubmit={onSubmit} noValidate aria-labelledby="org-decision-heading">
      <h2 id="org-decision-heading">{t('organisations.staff.decisionHeading')}</h2>
      <fieldset className="fieldset">
        <legend className="legend legend--small">{t('organisations.staff.decisionLegend')}</legend>
        {problem === 'noDecision' ? (
          <p className="field-error" ref={problemRef} tabIndex={-1}>
            {t('organisations.staff.noDecision')}
          </p>
        ) : null}
        <div className="choices">
          {(['authorise', 'refuse'] as const).map((d) => (
            <label key={d} className="choice">
              <input type="radio" name="decision" value={d} checked={decision === d} onChange={() => setDecision(d)} />
              <span>{t(`organisations.staff.decision.${d}`)}</span>
            </label>
          ))}
        </div>
      </fieldset>
      {decision === 'refuse' ? (
        <div className="field">
          <label className="label" htmlFor={reasonId}>
            {t('organisations.staff.reasonLabel')}
          </label>
          <p className="hint" id={`${reasonId}-hint`}>
            {t('organisations.staff.reasonHint')}
          </p>
          {problem === 'reason' ? (
            <p className="field-error" id={`${reasonId}-error`}>
              {t('organisations.staff.reasonError')}
            </p>
          ) : null}
          <textarea
            id={reasonId}
            ref={reasonRef}
            className="input textarea"
            rows={4}
            maxLength={2000}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            aria-describedby={`${reasonId}-hint${problem === 'reason' ? ` ${reasonId}-error` : ''}`}
            aria-invalid={problem === 'reason' ? true : undefined}
          />
        </div>
      ) : null}
      <div aria-live="polite">{decide.isError ? <ErrorMessage error={decide.error} /> : null}</div>
      {stale ? <p>{t('organisations.staff.reload')}</p> : null}
      <div className="actions actions--form">
        <button type="submit" className="button" disabled={decide.isPending}>
          {t('organisations.staff.submitDecision')}
        </button>
      </div>
    </form>
  );
}
