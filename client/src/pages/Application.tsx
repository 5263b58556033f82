import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import {
  ApiError,
  getMyRegistration,
  myEvidenceUrl,
  saveRegistration,
  submitRegistration,
  type Issue,
  type MyRegistrationDetail,
} from '../api.js';
import {
  buildChecklist,
  diplomaEvidenceKind,
  DIPLOMA_EVIDENCE_ID,
  draftFromDetail,
  EVC_ROUTE,
  evidenceInputId,
  fieldDomId,
  needsDiploma,
  normalizeField,
  parseIssueDetails,
  payloadFromDraft,
  todayInAmsterdam,
  type ChecklistItem,
  type Draft,
  type DraftErrors,
} from '../applications.js';
import { AnswersSummary } from '../components/AnswersSummary.js';
import { CycleTimeline } from '../components/CycleTimeline.js';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { EvidenceUpload } from '../components/EvidenceUpload.js';
import { HistoryTimeline } from '../components/HistoryTimeline.js';
import { focusField, IssueList, useIssueText } from '../components/IssueList.js';
import { NextStepText, RegistrationFacts, variantName } from '../components/MyRegistrations.js';
import { RequireLogin } from '../components/RequireLogin.js';
import { StatusBadge } from '../components/StatusBadge.js';
import { formatDate, formatNumber } from '../format.js';
import { useDocumentTitle, useRecord } from '../hooks.js';
import { DECLARATIONS } from '../domain.js';
import { DetailRow } from '../components/DetailRow.js';

export function Application() {
  const { t } = useTranslation();
  return (
    <>
      <p className="back-link">
        <Link to="/account">{t('application.backToAccount')}</Link>
      </p>
      <RequireLogin>{() => <ApplicationLoader />}</RequireLogin>
    </>
  );
}

const APPLICATION_STATUSES = ['concept', 'submitted', 'in_review', 'rejected'];

/** "Aanvraag <variant>" while it is an application, "Registratie <variant>" once registered. */
function usePageTitle() {
  const { t, i18n } = useTranslation();
  return (detail: MyRegistrationDetail) => {
    const variant = variantName(detail.variant, i18n.language);
    return APPLICATION_STATUSES.includes(detail.status)
      ? t('application.title', { variant })
      : t('application.titleRegistration', { variant });
  };
}

function ApplicationLoader() {
  const { t } = useTranslation();
  const pageTitle = usePageTitle();
  const { id = '' } = useParams();
  const { state, reload, setDetail } = useRecord(id, getMyRegistration);
  const [justSubmitted, setJustSubmitted] = useState(false);

  useDocumentTitle(state.status === 'success' ? pageTitle(state.detail) : t('application.titleGeneric'));

  if (state.status === 'loading') {
    return (
      <div aria-busy="true">
        <h1>{t('application.titleGeneric')}</h1>
        <p className="notice notice--loading" role="status">
          {t('application.loading')}
        </p>
      </div>
    );
  }
  if (state.status === 'notFound') {
    return (
      <>
        <h1>{t('application.notFoundTitle')}</h1>
        <p className="notice">{t('application.notFoundText')}</p>
      </>
    );
  }
  if (state.status === 'error') {
    return (
      <>
        <h1>{t('application.titleGeneric')}</h1>
        <ErrorMessage error={state.error} />
      </>
    );
  }

  if (state.detail.status === 'concept') {
    return (
      <ApplicationForm
        detail={state.detail}
        setDetail={setDetail}
        reload={reload}
        onSubmitted={(detail) => {
          setJustSubmitted(true);
          setDetail(detail);
        }}
      />
    );
  }
  return <ApplicationView detail={state.detail} justSubmitted={justSubmitted} />;
}

// --- read-only view ---------------------------------------------------------------------------

function ApplicationView({ detail, justSubmitted }: { detail: MyRegistrationDetail; justSubmitted: boolean }) {
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

// --- the form ---------------------------------------------------------------------------------

type Summary =
  | { kind: 'issues'; title: string; intro?: string; issues: Issue[] }
  | { kind: 'error'; error: unknown };

interface FormProps {
  detail: MyRegistrationDetail;
  setDetail: (detail: MyRegistrationDetail) => void;
  reload: () => void;
  onSubmitted: (detail: MyRegistrationDetail) => void;
}

function ApplicationForm({ detail, setDetail, reload, onSubmitted }: FormProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const reqLang = lang === 'en' ? 'en' : 'nl';
  const criteria = detail.criteria;
  const [draft, setDraft] = useState<Draft>(() => draftFromDetail(detail));
  const [clientErrors, setClientErrors] = useState<DraftErrors>({});
  const [fieldIssues, setFieldIssues] = useState<Issue[]>([]);
  const [summary, setSummary] = useState<Summary | null>(null);
  const [focusToken, setFocusToken] = useState(0);
  const [busy, setBusy] = useState<'save' | 'submit' | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const summaryRef = useRef<HTMLDivElement>(null);
  const { issueMessage } = useIssueText(criteria);
  const today = todayInAmsterdam();
  const currentYear = Number(today.slice(0, 4));

  useEffect(() => {
    if (focusToken > 0) summaryRef.current?.focus();
  }, [focusToken]);

  const update = <K extends keyof Draft>(key: K, value: Draft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    setAnnouncement('');
  };

  const showSummary = (s: Summary) => {
    setSummary(s);
    setFocusToken((n) => n + 1);
  };

  /** Inline message for a field: a client-side error first, else the server's issue from the last attempt. */
  const fieldError = (field: string): string | null => {
    const code = clientErrors[field];
    if (code) return code === 'required' ? t('issue.required') : t(`form.error.${code}`);
    const issue = fieldIssues.find((i) => {
      const f = normalizeField(i.field);
      return f === field || (field === 'person.givenNames' && f === 'person');
    });
    return issue ? issueMessage(issue) : null;
  };

  const save = async (): Promise<MyRegistrationDetail | null> => {
    const { body, errors } = payloadFromDraft(draft, criteria, currentYear);
    setClientErrors(errors);
    const errorFields = Object.keys(errors);
    if (errorFields.length > 0) {
      setFieldIssues([]);
      showSummary({
        kind: 'issues',
        title: t('form.clientErrorsTitle'),
        issues: errorFields.map((field) => {
          const code = errors[field]!;
          return { field, code, message: t(`form.error.${code}`) };
        }),
      });
      return null;
    }
    try {
      const updated = await saveRegistration(detail.id, body);
      setDetail(updated);
      return updated;
    } catch (error) {
      if (error instanceof ApiError && error.code === 'invalid_input') {
        const issues = parseIssueDetails(error.details);
        if (issues.length > 0) {
          setFieldIssues(issues);
          showSummary({ kind: 'issues', title: t('form.invalidTitle'), issues });
          return null;
        }
      }
      showSummary({ kind: 'error', error });
      if (error instanceof ApiError && error.code === 'not_editable') reload();
      return null;
    }
  };

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const action = submitter instanceof HTMLButtonElement && submitter.value === 'submit' ? 'submit' : 'save';
    setBusy(action);
    setAnnouncement('');
    try {
      const saved = await save();
      if (!saved) return;
      if (action === 'save') {
        setSummary(null);
        setFieldIssues([]);
        setAnnouncement(t('form.saved'));
        return;
      }
      try {
        const submitted = await submitRegistration(detail.id);
        onSubmitted(submitted);
      } catch (error) {
        if (error instanceof ApiError && error.code === 'application_incomplete') {
          const issues = parseIssueDetails(error.details);
          setFieldIssues(issues);
          showSummary({
            kind: 'issues',
            title: t('form.incompleteTitle'),
            intro: t('form.incompleteIntro'),
            issues: issues.length > 0 ? issues : saved.completeness.issues,
          });
        } else {
          showSummary({ kind: 'error', error });
        }
        reload();
      }
    } finally {
      setBusy(null);
    }
  };

  const diplomaKind = diplomaEvidenceKind(draft.diplomaCode || detail.application.diplomaCode);
  const evidenceOf = (...kinds: string[]) => detail.evidence.filter((e) => kinds.includes(e.kind));
  const hoursRequirements = criteria.requirements.filter((r) => r.kind === 'hours');
  const uploadRequirements = criteria.requirements.filter((r) => r.kind !== 'hours');
  const declarations = DECLARATIONS.filter((d) => criteria.declarations.includes(d));

  return (
    <>
      <h1>{t('application.title', { variant: variantName(detail.variant, lang) })}</h1>
      <p className="status-line">
        <StatusBadge status={detail.status} />{' '}
        <span>
          <NextStepText step={detail.nextStep} />
        </span>
      </p>

      {detail.staffQuestion ? (
        <div className="notice notice--attention" role="region" aria-labelledby="staff-question-title">
          <p className="notice__title" id="staff-question-title">
            {t('application.staffQuestionTitle')}
          </p>
          <p className="prewrap">{detail.staffQuestion}</p>
          <p>{t('application.staffQuestionHelp')}</p>
        </div>
      ) : null}

      {detail.conceptExpiresOn ? (
        <p className="notice">{t('application.conceptExpires', { date: formatDate(detail.conceptExpiresOn, lang) })}</p>
      ) : null}

      {summary?.kind === 'issues' ? (
        <IssueList ref={summaryRef} issues={summary.issues} criteria={criteria} title={summary.title} intro={summary.intro} />
      ) : null}
      {summary?.kind === 'error' ? (
        <div ref={summaryRef} tabIndex={-1}>
          <ErrorMessage error={summary.error} />
        </div>
      ) : null}

      <Checklist detail={detail} />

      <form className="form" onSubmit={(e) => void onSubmit(e)} noValidate aria-labelledby="form-heading">
        <h2 id="form-heading">{t('form.title')}</h2>
        <p className="hint">{t('form.intro')}</p>

        <fieldset className="fieldset">
          <legend className="legend">{t('form.person.legend')}</legend>
          <p className="hint">{t('form.person.noBsn')}</p>
          <TextField id="f-person-givenNames" label={t('form.person.givenNames')} value={draft.givenNames} onChange={(v) => update('givenNames', v)} autoComplete="given-name" error={fieldError('person.givenNames')} maxLength={100} />
          <TextField id="f-person-prefix" label={t('form.person.prefix')} hint={t('form.person.prefixHint')} value={draft.prefix} onChange={(v) => update('prefix', v)} autoComplete="off" error={fieldError('person.prefix')} maxLength={30} narrow />
          <TextField id="f-person-familyName" label={t('form.person.familyName')} value={draft.familyName} onChange={(v) => update('familyName', v)} autoComplete="family-name" error={fieldError('person.familyName')} maxLength={100} />
          <TextField id="f-person-email" label={t('form.person.email')} type="email" value={draft.email} onChange={(v) => update('email', v)} autoComplete="email" error={fieldError('person.email')} maxLength={200} />
        </fieldset>

        {needsDiploma(criteria) ? (
          <fieldset className="fieldset">
            <legend className="legend">{t('form.diploma.legend')}</legend>
            <SelectField
              id="f-diplomaCode"
              label={t('form.diploma.code')}
              hint={criteria.evcRouteAllowed ? t('form.diploma.evcHint') : undefined}
              value={draft.diplomaCode}
              onChange={(v) => update('diplomaCode', v)}
              error={fieldError('diplomaCode')}
            >
              <option value="">{t('form.diploma.choose')}</option>
              {criteria.diplomas.map((d) => (
                <option key={d.code} value={d.code}>
                  {d.name}
                </option>
              ))}
              {criteria.evcRouteAllowed ? <option value={EVC_ROUTE}>{t('form.diploma.evc')}</option> : null}
            </SelectField>
            <TextField id="f-diplomaYear" label={t('form.diploma.year')} hint={t('form.diploma.yearHint')} value={draft.diplomaYear} onChange={(v) => update('diplomaYear', v)} inputMode="numeric" maxLength={4} error={fieldError('diplomaYear')} narrow />
            <EvidenceUpload
              registrationId={detail.id}
              kind={diplomaKind}
              inputId={DIPLOMA_EVIDENCE_ID}
              title={t(`evidence.kind.${diplomaKind}`)}
              hint={diplomaKind === 'evc-certificate' ? t('form.diploma.evcUploadHint') : t('form.diploma.uploadHint')}
              files={evidenceOf('diploma', 'evc-certificate')}
              maxBytes={detail.evidenceMaxBytes}
              onChanged={reload}
            />
          </fieldset>
        ) : null}

        <fieldset className="fieldset">
          <legend className="legend">{t('form.vog.legend')}</legend>
          <TextField
            id="f-vogIssuedOn"
            label={t('form.vog.issuedOn')}
            hint={
              criteria.vogMaxAgeMonths !== null
                ? t('form.vog.maxAge', { count: criteria.vogMaxAgeMonths })
                : t('form.vog.anyAge')
            }
            type="date"
            max={today}
            value={draft.vogIssuedOn}
            onChange={(v) => update('vogIssuedOn', v)}
            error={fieldError('vogIssuedOn')}
            narrow
          />
          <EvidenceUpload
            registrationId={detail.id}
            kind="vog"
            inputId={evidenceInputId('vog')}
            title={t('evidence.kind.vog')}
            files={evidenceOf('vog')}
            maxBytes={detail.evidenceMaxBytes}
            onChanged={reload}
          />
        </fieldset>

        {declarations.length > 0 ? (
          <fieldset className="fieldset">
            <legend className="legend">{t('form.declarations.legend')}</legend>
            <p className="hint">{t('form.declarations.intro')}</p>
            <ul className="plain-list choices">
              {declarations.map((code) => {
                const id = `f-declarations-${code}`;
                const error = fieldError(`declarations.${code}`);
                return (
                  <li key={code} className="choice">
                    <input
                      className="choice__input"
                      type="checkbox"
                      id={id}
                      checked={draft.declarations[code] === true}
                      onChange={(e) => update('declarations', { ...draft.declarations, [code]: e.target.checked })}
                      aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
                      aria-invalid={error ? true : undefined}
                    />
                    <label className="choice__label" htmlFor={id}>
                      {t(`declaration.${code}.statement`)}
                    </label>
                    <p className="hint choice__hint" id={`${id}-hint`}>
                      {t(`declaration.${code}.explanation`)}
                    </p>
                    {error ? (
                      <p className="field-error choice__hint" id={`${id}-error`}>
                        {error}
                      </p>
                    ) : null}
                  </li>
                );
              })}
            </ul>
          </fieldset>
        ) : null}

        {criteria.requirements.length > 0 ? (
          <fieldset className="fieldset">
            <legend className="legend">{t('form.requirements.legend')}</legend>
            <p className="hint">{t('form.requirements.intro')}</p>
            {hoursRequirements.map((r) => (
              <TextField
                key={r.code}
                id={fieldDomId(`requirements.${r.code}`, criteria) ?? `f-requirements-${r.code}`}
                label={r.name[reqLang]}
                hint={
                  r.minimum !== undefined
                    ? t('form.requirements.minimum', { minimum: formatNumber(r.minimum, lang) })
                    : t('form.requirements.hoursHint')
                }
                value={draft.hours[r.code] ?? ''}
                onChange={(v) => update('hours', { ...draft.hours, [r.code]: v })}
                inputMode="decimal"
                error={fieldError(`requirements.${r.code}`)}
                suffix={t('form.requirements.hoursUnit')}
                narrow
              />
            ))}
            {uploadRequirements.map((r) => (
              <EvidenceUpload
                key={r.code}
                registrationId={detail.id}
                kind={r.code}
                inputId={evidenceInputId(r.code)}
                title={r.name[reqLang]}
                hint={t(`form.requirements.${r.kind}Hint`)}
                files={evidenceOf(r.code)}
                maxBytes={detail.evidenceMaxBytes}
                onChanged={reload}
              />
            ))}
          </fieldset>
        ) : null}

        <div className="actions actions--form">
          <button type="submit" name="action" value="save" className="button button--secondary" disabled={busy !== null}>
            {busy === 'save' ? t('form.saving') : t('form.save')}
          </button>
          <button type="submit" name="action" value="submit" className="button" disabled={busy !== null}>
            {busy === 'submit' ? t('form.submitting') : t('form.submit')}
          </button>
        </div>
        <p className="hint">{t('form.submitHint')}</p>
        <p className="form__status" role="status" aria-live="polite">
          {announcement}
        </p>
      </form>
    </>
  );
}

// --- checklist --------------------------------------------------------------------------------

function Checklist({ detail }: { detail: MyRegistrationDetail }) {
  const { t, i18n } = useTranslation();
  const reqLang = i18n.language === 'en' ? 'en' : 'nl';
  const { fieldLabel, issueMessage } = useIssueText(detail.criteria);
  const items = buildChecklist(detail.criteria, detail.completeness.issues);
  const satisfied = items.filter((i) => i.issues.length === 0).length;
  const progressId = useId();

  const label = (item: ChecklistItem): string => {
    switch (item.key.kind) {
      case 'person':
        return t('checklist.person');
      case 'diploma':
        return t('checklist.diploma');
      case 'diplomaEvidence':
        return t('checklist.diplomaEvidence');
      case 'vog':
        return t('checklist.vog');
      case 'vogEvidence':
        return t('checklist.vogEvidence');
      case 'declaration':
        return t(`declaration.${item.key.code}.title`);
      case 'requirement': {
        const code = item.key.code;
        return detail.criteria.requirements.find((r) => r.code === code)?.name[reqLang] ?? code;
      }
      case 'other':
        return fieldLabel(item.key.field);
    }
  };

  return (
    <section className="checklist" aria-labelledby="checklist-heading">
      <h2 id="checklist-heading">{t('checklist.title')}</h2>
      <label className="label" htmlFor={progressId}>
        {t('checklist.progress', { satisfied, total: items.length })}
      </label>
      <progress id={progressId} className="progress" max={items.length} value={satisfied} />
      <p className="hint">
        {detail.completeness.complete ? t('checklist.complete') : t('checklist.basedOnSaved')}
      </p>
      <ul className="plain-list checklist__list">
        {items.map((item) => {
          const done = item.issues.length === 0;
          const first = item.issues[0];
          const target = first ? fieldDomId(first.field, detail.criteria) : null;
          return (
            <li key={item.id} className={done ? 'checklist__item checklist__item--done' : 'checklist__item checklist__item--todo'}>
              <span className="checklist__mark" aria-hidden="true">
                {done ? '✓' : '○'}
              </span>
              <span className="checklist__label">{label(item)}</span>{' '}
              <span className="checklist__state">{done ? t('checklist.done') : t('checklist.todo')}</span>
              {first ? (
                <span className="checklist__issue">
                  {' '}
                  {target ? (
                    <a href={`#${target}`} onClick={(e) => focusField(e, target)}>
                      {issueMessage(first)}
                    </a>
                  ) : (
                    issueMessage(first)
                  )}
                </span>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

// --- small field components -----------------------------------------------------------------

/** Label, hint and error of one form control, and the aria-describedby that ties them to it. */
function FieldFrame({
  id,
  label,
  hint,
  error,
  children,
}: {
  id: string;
  label: string;
  hint?: string | undefined;
  error: string | null | undefined;
  children: (describedBy: string | undefined) => ReactNode;
}) {
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label className="label" htmlFor={id}>
        {label}
      </label>
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
      {children(describedBy)}
    </div>
  );
}

interface TextFieldProps {
  id: string;
  label: string;
  hint?: string | undefined;
  value: string;
  onChange: (value: string) => void;
  error: string | null;
  type?: 'text' | 'email' | 'date';
  autoComplete?: string;
  inputMode?: 'numeric' | 'decimal';
  maxLength?: number;
  max?: string;
  suffix?: string;
  narrow?: boolean;
}

function TextField({ id, label, hint, value, onChange, error, type = 'text', autoComplete, inputMode, maxLength, max, suffix, narrow }: TextFieldProps) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      {(describedBy) => (
        <div className="field__row">
          <input
            id={id}
            className={narrow ? 'input input--narrow' : 'input'}
            type={type}
            value={value}
            onChange={(e) => onChange(e.target.value)}
            autoComplete={autoComplete}
            inputMode={inputMode}
            maxLength={maxLength}
            max={max}
            aria-describedby={describedBy}
            aria-invalid={error ? true : undefined}
            spellCheck={type === 'text' && !inputMode ? undefined : false}
          />
          {suffix ? <span className="field__suffix">{suffix}</span> : null}
        </div>
      )}
    </FieldFrame>
  );
}

function SelectField({
  id,
  label,
  hint,
  value,
  onChange,
  error,
  children,
}: {
  id: string;
  label: string;
  hint?: string | undefined;
  value: string;
  onChange: (value: string) => void;
  error: string | null;
  children: ReactNode;
}) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      {(describedBy) => (
        <select
          id={id}
          className="input select"
          value={value}
          onChange={(e) => onChange(e.target.value)}
          aria-describedby={describedBy}
          aria-invalid={error ? true : undefined}
        >
          {children}
        </select>
      )}
    </FieldFrame>
  );
}
