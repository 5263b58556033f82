import { useId, useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.js';
import { useDecideAccreditation, useStaffAccreditation, type AccreditationDecision, type StaffAccreditation } from '../../api/accreditations.js';
import { DetailRow } from '../../components/DetailRow.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { FieldFrame } from '../../components/form/FieldFrame.js';
import { RequireLogin } from '../../components/RequireLogin.js';
import { formatDate, formatNumber } from '../../lib/format.js';
import { useDocumentTitle } from '../../lib/hooks.js';
import { AccreditationFacts, AccreditationQueryState, named, ObjectionList } from '../../provider/accreditations/parts.js';
import { QueueBackLink } from '../cpd/QueueBackLink.js';

/**
 * /staff/accreditations/:id — a request or objection: details, the computed points, the decision and the history.
 * Opened from the CPD queue, so it leads back there (to the tab it was opened from).
 */
export function StaffAccreditationPage() {
  return (
    <>
      <QueueBackLink />
      <RequireLogin role="staff">{() => <Request />}</RequireLogin>
    </>
  );
}

function Request() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { id = '' } = useParams();
  const query = useStaffAccreditation(id);
  useDocumentTitle(query.data ? t('accreditation.staff.title', { title: query.data.title }) : t('accreditation.detail.title'));
  if (query.isPending || query.isError) return <AccreditationQueryState query={query} />;
  const a = query.data;
  const openObjection = a.objections.find((o) => o.resolvedAt === null);
  return (
    <article>
      <h1>{t('accreditation.staff.title', { title: a.title })}</h1>
      <AccreditationFacts a={a} points={<DetailRow label={t('accreditation.staff.computedPoints')}>{formatNumber(a.computedPoints, lang)}</DetailRow>} showFinalTestRule />
      <p className="prewrap">{a.description}</p>
      <h2>{t('accreditation.fields.runs')}</h2>
      <ul>
        {a.runs.map((r) => (
          <li key={r.id}>
            {formatDate(r.startsOn, lang)} – {formatDate(r.endsOn, lang)}, {r.place}
            {r.online ? ` (${t('accreditation.fields.online')})` : ''}
          </li>
        ))}
      </ul>
      {openObjection ? (
        <div className="notice notice--attention">
          <p className="notice__title">
            {t(openObjection.against === 'approved' ? 'accreditation.staff.objectionApproved' : 'accreditation.staff.objection', { date: formatDate(openObjection.lodgedAt, lang) })}
          </p>
          <p className="prewrap">{openObjection.reason}</p>
          {openObjection.against === 'approved' && a.points !== null ? (
            <p>{t('accreditation.staff.currentApproval', { points: formatNumber(a.points, lang), years: a.termYears ?? 0, variants: a.variants.map((v) => v.name).join(', ') })}</p>
          ) : null}
          {a.rejectionReason ? <p>{t('accreditation.staff.previousReason', { reason: a.rejectionReason })}</p> : null}
        </div>
      ) : null}
      {a.can.decide ? <DecisionForm key={`${a.status}-${a.objections.length}-${String(a.objectionOpen)}`} a={a} /> : null}
      <ObjectionList a={a} />
      <section aria-labelledby="history-heading">
        <h2 id="history-heading">{t('accreditation.staff.history')}</h2>
        <ol className="timeline">
          {a.history.map((h, i) => (
            <li key={i} className="timeline__item timeline__item--done">
              <span className="timeline__title">{t(`accreditation.audit.${h.action.replace('accreditation.', '').replace('.', '_')}`, { defaultValue: h.action })}</span>{' '}
              <span className="timeline__date">
                {formatDate(h.occurredAt, lang)}
                {h.actor ? ` · ${h.actor}` : ''}
              </span>
              {typeof h.details.reason === 'string' ? <p className="timeline__reason">{h.details.reason}</p> : null}
            </li>
          ))}
        </ol>
      </section>
    </article>
  );
}

type Choice = 'approve' | 'reject' | 'refuse_objection';

function DecisionForm({ a }: { a: StaffAccreditation }) {
  const { t, i18n } = useTranslation();
  const decide = useDecideAccreditation(a.id);
  const expectedStatus = a.objectionOpen ? 'objection' : 'submitted';
  // Granting an objection against an approval changes an approval in use: staff say why, and may correct the hours.
  const againstApproval = a.objectionOpen && a.status === 'approved';
  const choices: Choice[] = expectedStatus === 'objection' ? ['approve', 'refuse_objection'] : ['approve', 'reject'];
  const [choice, setChoice] = useState<Choice | null>(null);
  const [termYears, setTermYears] = useState(a.termYears ?? a.termYearsAllowed[0] ?? 1);
  const [category, setCategory] = useState('');
  const [variants, setVariants] = useState(a.variants.map((v) => v.code));
  const [hours, setHours] = useState('');
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const ids = { reason: useId(), term: useId(), category: useId(), hours: useId() };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!choice) return setProblem(t('accreditation.staff.chooseDecision'));
    let body: AccreditationDecision;
    if (choice === 'approve') {
      if (!variants.length) return setProblem(t('accreditation.new.invalid.variants'));
      const corrected = hours.trim() ? Number(hours.replace(',', '.')) : undefined;
      if (corrected !== undefined && !(corrected > 0)) return setProblem(t('accreditation.new.invalid.netContactHours'));
      if (againstApproval && reason.trim().length < 5) return setProblem(t('accreditation.staff.reasonRequired'));
      body = {
        decision: 'approve',
        expectedStatus,
        termYears,
        variantCodes: variants,
        ...(category ? { category } : {}),
        ...(corrected !== undefined && expectedStatus === 'objection' ? { netContactHours: corrected } : {}),
        ...(reason.trim() && expectedStatus === 'objection' ? { reason: reason.trim() } : {}),
      };
    } else {
      if (reason.trim().length < 5) return setProblem(t('accreditation.staff.reasonRequired'));
      body = choice === 'reject' ? { decision: 'reject', expectedStatus: 'submitted', reason: reason.trim() } : { decision: 'refuse_objection', expectedStatus: 'objection', reason: reason.trim() };
    }
    setProblem(null);
    decide.mutate(body);
  };
  const stale = decide.error instanceof ApiError && decide.error.code === 'status_changed';
  return (
    <section className="decision" aria-labelledby="decision-heading">
      <h2 id="decision-heading">{t('accreditation.staff.decide')}</h2>
      {stale ? <p className="notice notice--attention">{t('accreditation.staff.stale')}</p> : decide.isError ? <ErrorMessage error={decide.error} /> : null}
      <form className="form" noValidate onSubmit={onSubmit}>
        {problem ? (
          <p className="field-error" role="alert">
            {problem}
          </p>
        ) : null}
        <fieldset className="fieldset">
          <legend className="legend">{t('accreditation.staff.decision')}</legend>
          <ul className="plain-list choices">
            {choices.map((c) => (
              <li key={c} className="choice">
                <input className="choice__input" type="radio" name="decision" id={`d-${c}`} checked={choice === c} onChange={() => setChoice(c)} />
                <label className="choice__label" htmlFor={`d-${c}`}>
                  {t(c === 'approve' && expectedStatus === 'objection' ? 'accreditation.staff.option.grant' : `accreditation.staff.option.${c}`)}
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
        {choice === 'approve' ? (
          <>
            <p>{t('accreditation.staff.pointsRule', { points: formatNumber(a.computedPoints, i18n.language), hours: formatNumber(a.netContactHours, i18n.language) })}</p>
            {expectedStatus === 'objection' ? (
              <FieldFrame announce id={ids.hours} label={t('accreditation.staff.correctHours')} hint={t('accreditation.staff.correctHoursHint')} error={null}>
                {(d) => <input id={ids.hours} className="input" inputMode="decimal" value={hours} onChange={(e) => setHours(e.target.value)} aria-describedby={d} />}
              </FieldFrame>
            ) : null}
            <div className="field">
              <label className="label" htmlFor={ids.term}>
                {t('accreditation.staff.term')}
              </label>
              <select id={ids.term} className="select" value={termYears} onChange={(e) => setTermYears(Number(e.target.value))}>
                {a.termYearsAllowed.map((y) => (
                  <option key={y} value={y}>
                    {t('accreditation.staff.years', { count: y })}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label className="label" htmlFor={ids.category}>
                {t('accreditation.staff.category')}
              </label>
              <select id={ids.category} className="select" value={category} onChange={(e) => setCategory(e.target.value)}>
                <option value="">{t('accreditation.staff.categoryFromForm')}</option>
                {a.categories.map((c) => (
                  <option key={c.code} value={c.code}>
                    {named(c.name, i18n.language)}
                  </option>
                ))}
              </select>
            </div>
            <fieldset className="fieldset">
              <legend className="legend">{t('accreditation.staff.confirmVariants')}</legend>
              <ul className="plain-list choices">
                {a.requestedVariants.map((v) => (
                  <li key={v.code} className="choice">
                    <input
                      className="choice__input"
                      type="checkbox"
                      id={`v-${v.code}`}
                      checked={variants.includes(v.code)}
                      onChange={(e) => setVariants(e.target.checked ? [...variants, v.code] : variants.filter((x) => x !== v.code))}
                    />
                    <label className="choice__label" htmlFor={`v-${v.code}`}>
                      {v.name}
                    </label>
                  </li>
                ))}
              </ul>
            </fieldset>
            {expectedStatus === 'objection' ? (
              <FieldFrame announce id={ids.reason} label={againstApproval ? t('accreditation.staff.grantReason') : t('accreditation.staff.grantReasonOptional')} hint={t('accreditation.staff.reasonHint')} error={null}>
                {(d) => <textarea id={ids.reason} className="textarea" rows={4} maxLength={2000} value={reason} onChange={(e) => setReason(e.target.value)} aria-describedby={d} />}
              </FieldFrame>
            ) : null}
            {againstApproval ? <p className="hint">{t('accreditation.staff.bookingsRule')}</p> : null}
          </>
        ) : choice ? (
          <FieldFrame announce id={ids.reason} label={t('accreditation.staff.reason')} hint={t('accreditation.staff.reasonHint')} error={null}>
            {(d) => <textarea id={ids.reason} className="textarea" rows={5} maxLength={2000} value={reason} onChange={(e) => setReason(e.target.value)} aria-describedby={d} />}
          </FieldFrame>
        ) : null}
        <button type="submit" className="button" disabled={decide.isPending}>
          {t('accreditation.staff.submit')}
        </button>
      </form>
    </section>
  );
}
