import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.js';
import { useSaveRegistration, useSubmitRegistration } from '../../api/registrations.js';
import type { Issue, MyRegistrationDetail } from '../../api/types.js';
import { DECLARATIONS } from '../../api/types.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { SelectField } from '../../components/form/SelectField.js';
import { TextField } from '../../components/form/TextField.js';
import { IssueList, useIssueText } from '../../components/IssueList.js';
import { StatusBadge } from '../../components/StatusBadge.js';
import {
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
  type Draft,
  type DraftErrors,
} from '../../lib/applications.js';
import { formatDate, formatNumber } from '../../lib/format.js';
import { NextStepText } from '../account/MyRegistrations.js';
import { variantName } from '../../lib/names.js';
import { Checklist } from './Checklist.js';
import { EvidenceUpload } from './EvidenceUpload.js';

type Summary =
  | { kind: 'issues'; title: string; intro?: string; issues: Issue[] }
  | { kind: 'error'; error: unknown };

interface FormProps {
  detail: MyRegistrationDetail;
  onSubmitted: () => void;
}

/** The concept application: personal details, answers, uploads, the checklist; save or submit. */
export function ApplicationForm({ detail, onSubmitted }: FormProps) {
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
  const saveMutation = useSaveRegistration(detail.id);
  const submitMutation = useSubmitRegistration(detail.id);
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
      return await saveMutation.mutateAsync(body);
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
        await submitMutation.mutateAsync();
        onSubmitted();
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
