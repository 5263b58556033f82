import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { FormProvider, get, useForm, type FieldErrors } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.js';
import { useSaveRegistration, useSubmitRegistration } from '../../api/registrations.js';
import type { Issue, MyRegistrationDetail } from '../../api/types.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { IssueList, useIssueText } from '../../components/IssueList.js';
import { StatusBadge } from '../../components/StatusBadge.js';
import { needsDiploma, normalizeField, parseIssueDetails, todayInAmsterdam } from '../../lib/applications.js';
import { formatDate } from '../../lib/format.js';
import { variantName } from '../../lib/names.js';
import { NextStepText } from '../account/MyRegistrations.js';
import {
  applicationFormSchema,
  flattenErrors,
  formErrorCode,
  formValuesFromDetail,
  issueFieldOf,
  type ApplicationFormValues,
  type ApplicationPatch,
} from './application-form.js';
import { Checklist } from './Checklist.js';
import { DeclarationFields } from './DeclarationFields.js';
import { DiplomaFields } from './DiplomaFields.js';
import { PersonFields } from './PersonFields.js';
import { RequirementFields } from './RequirementFields.js';
import { VogFields } from './VogFields.js';

type Summary =
  | { kind: 'issues'; title: string; intro?: string; issues: Issue[] }
  | { kind: 'error'; error: unknown };

type Action = 'save' | 'submit';

/** The concept application: personal details, answers, uploads, the checklist; save or submit. */
export function ApplicationForm({ detail, onSubmitted }: { detail: MyRegistrationDetail; onSubmitted: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const criteria = detail.criteria;
  const currentYear = Number(todayInAmsterdam().slice(0, 4));
  const schema = useMemo(() => applicationFormSchema(criteria, currentYear), [criteria, currentYear]);
  const form = useForm<ApplicationFormValues, unknown, ApplicationPatch>({
    resolver: zodResolver(schema),
    defaultValues: defaultsFor(detail),
    // The error summary takes the focus and links to each field.
    shouldFocusError: false,
  });
  const { errors } = form.formState;
  const [fieldIssues, setFieldIssues] = useState<Issue[]>([]);
  const [summary, setSummary] = useState<Summary | null>(null);
  const [focusToken, setFocusToken] = useState(0);
  const [busy, setBusy] = useState<Action | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const summaryRef = useRef<HTMLDivElement>(null);
  const { issueMessage } = useIssueText(criteria);
  const saveMutation = useSaveRegistration(detail.id);
  const submitMutation = useSubmitRegistration(detail.id);

  useEffect(() => {
    if (focusToken > 0) summaryRef.current?.focus();
  }, [focusToken]);

  // "Saved" is stale once anything is edited.
  useEffect(() => {
    const subscription = form.watch(() => setAnnouncement(''));
    return () => subscription.unsubscribe();
  }, [form]);

  const showSummary = (s: Summary) => {
    setSummary(s);
    setFocusToken((n) => n + 1);
  };

  /** Inline message for a field: the schema's verdict first, else the server's issue from the last attempt. */
  const fieldError = (issueField: string): string | null => {
    const path = issueField.startsWith('requirements.') ? `${issueField}.hours` : issueField;
    const error = get(errors, path) as { type?: string } | undefined;
    if (error) {
      const code = formErrorCode(issueField, error.type, form.getValues(path as keyof ApplicationFormValues));
      return code === 'required' ? t('issue.required') : t(`form.error.${code}`);
    }
    const issue = fieldIssues.find((i) => {
      const f = normalizeField(i.field);
      return f === issueField || (issueField === 'person.givenNames' && f === 'person');
    });
    return issue ? issueMessage(issue) : null;
  };

  const onInvalid = (invalid: FieldErrors<ApplicationFormValues>) => {
    setFieldIssues([]);
    const issues = flattenErrors(invalid).map(({ path, type }): Issue => {
      const field = issueFieldOf(path);
      const code = formErrorCode(field, type, form.getValues(path as keyof ApplicationFormValues));
      return { field, code, message: t(`form.error.${code}`) };
    });
    showSummary({ kind: 'issues', title: t('form.clientErrorsTitle'), issues });
  };

  const save = async (body: ApplicationPatch): Promise<MyRegistrationDetail | null> => {
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

  const submit = async (saved: MyRegistrationDetail) => {
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
  };

  const run = async (action: Action, body: ApplicationPatch) => {
    setBusy(action);
    setAnnouncement('');
    try {
      const saved = await save(body);
      if (!saved) return;
      if (action === 'submit') return await submit(saved);
      setSummary(null);
      setFieldIssues([]);
      setAnnouncement(t('form.saved'));
    } finally {
      setBusy(null);
    }
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const action: Action = submitter instanceof HTMLButtonElement && submitter.value === 'submit' ? 'submit' : 'save';
    void form.handleSubmit((body) => run(action, body), onInvalid)(event);
  };

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

      <FormProvider {...form}>
        <form className="form" onSubmit={onSubmit} noValidate aria-labelledby="form-heading">
          <h2 id="form-heading">{t('form.title')}</h2>
          <p className="hint">{t('form.intro')}</p>
          <PersonFields fieldError={fieldError} />
          {needsDiploma(criteria) ? <DiplomaFields detail={detail} fieldError={fieldError} /> : null}
          <VogFields detail={detail} fieldError={fieldError} />
          <DeclarationFields criteria={criteria} fieldError={fieldError} />
          <RequirementFields detail={detail} fieldError={fieldError} />

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
      </FormProvider>
    </>
  );
}

/** The saved answers, with an entry for every declaration and hours requirement of the variant. */
function defaultsFor(detail: MyRegistrationDetail): ApplicationFormValues {
  const values = formValuesFromDetail(detail);
  for (const code of detail.criteria.declarations) values.declarations[code] = values.declarations[code] === true;
  for (const r of detail.criteria.requirements) {
    if (r.kind === 'hours' && !values.requirements[r.code]) values.requirements[r.code] = { hours: '' };
  }
  return values;
}
