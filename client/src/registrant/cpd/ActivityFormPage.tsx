import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { uploadCpdEvidence, useCpdForm, useLogActivity } from '../../api/cpd.js';
import type { CpdEvidenceKind, CpdForm } from '../../api/cpd-types.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { CpdError } from './CpdError.js';
import { SelectField } from '../../components/form/SelectField.js';
import { TextField } from '../../components/form/TextField.js';
import { EvidencePicker, evidenceErrorState } from './EvidencePicker.js';
import { activityFormSchema, EMPTY_ACTIVITY_FORM, measureOf, toLogRequest, type ActivityFormValues } from './activity-form.js';
import { CpdSubpage } from './CpdSubpage.js';
import './cpd.css';

/** /cpd/activities/new: log an activity with an accreditation code, or without one (with evidence, from a phone too). */
export function ActivityFormPage() {
  const { t } = useTranslation();
  return (
    <CpdSubpage title={t('cpd.form.heading')}>
      {() => <FormLoader />}
    </CpdSubpage>
  );
}

function FormLoader() {
  const { t } = useTranslation();
  const query = useCpdForm();
  if (query.isPending) return <p className="notice notice--loading">{t('cpd.form.loading')}</p>;
  if (query.isError) return <ErrorMessage error={query.error} />;
  if (!query.data.registered) return <p className="notice">{t('cpd.form.notRegistered')}</p>;
  return <ActivityForm form={query.data} />;
}

function ActivityForm({ form }: { form: CpdForm }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const log = useLogActivity();
  const [evidenceKind, setEvidenceKind] = useState<CpdEvidenceKind>('certificate');
  const [file, setFile] = useState<File | null>(null);
  const [uploading, setUploading] = useState(false);
  const { register, handleSubmit, watch, formState } = useForm<ActivityFormValues>({ resolver: zodResolver(activityFormSchema), defaultValues: EMPTY_ACTIVITY_FORM });
  const mode = watch('mode');
  const kind = watch('kind');
  const measure = measureOf(form, kind);
  const minutes = form.kinds.find((k) => k.code === kind)?.minSessionMinutes ?? null;
  const lang = i18n.language === 'en' ? 'en' : 'nl';
  const err = (name: keyof ActivityFormValues) => {
    const message = formState.errors[name]?.message;
    return message ? t(message === 'required' ? 'cpd.form.required' : 'cpd.form.number') : null;
  };

  const onSubmit = handleSubmit((values) => {
    log.mutate(toLogRequest(values, form), {
      onSuccess: (activity) => {
        const to = `/cpd/activities/${activity.id}`;
        if (!file || !activity.can.upload) return void navigate(to);
        // The activity is saved either way (the button stays disabled meanwhile, so it is never saved twice); on an
        // upload error the detail page says so and lets the registrant try the file again.
        setUploading(true);
        uploadCpdEvidence(activity.id, evidenceKind, file).then(
          () => void navigate(to),
          (error: unknown) => void navigate(to, { state: { evidenceError: evidenceErrorState(error) } }),
        );
      },
    });
  });

  return (
    <form className="form" onSubmit={(e) => void onSubmit(e)} noValidate>
      <fieldset className="fieldset">
        <legend className="legend">{t('cpd.form.modeLegend')}</legend>
        <div className="choices">
          <label className="choice">
            <input className="choice__input" type="radio" value="code" {...register('mode')} />
            <span className="choice__label">{t('cpd.form.modeCode')}</span>
          </label>
          <label className="choice">
            <input className="choice__input" type="radio" value="kind" {...register('mode')} />
            <span className="choice__label">{t('cpd.form.modeKind')}</span>
          </label>
        </div>
      </fieldset>

      {mode === 'code' ? (
        <TextField id="accreditationCode" label={t('cpd.form.code')} hint={t('cpd.form.codeHint')} registration={register('accreditationCode')} error={err('accreditationCode')} autoComplete="off" maxLength={12} />
      ) : (
        <>
          <SelectField id="kind" label={t('cpd.form.kind')} hint={t('cpd.form.kindHint')} registration={register('kind')} error={err('kind')}>
            <option value="">—</option>
            {form.kinds.map((k) => (
              <option key={k.code} value={k.code}>
                {k.name[lang]}
              </option>
            ))}
          </SelectField>
          <TextField id="title" label={t('cpd.form.title')} registration={register('title')} error={err('title')} maxLength={200} />
          {measure === 'hours' ? (
            <TextField id="employerName" label={t('cpd.form.employerName')} registration={register('employerName')} error={err('employerName')} maxLength={200} />
          ) : (
            <TextField id="providerName" label={t('cpd.form.providerName')} registration={register('providerName')} error={err('providerName')} maxLength={200} />
          )}
        </>
      )}

      {mode === 'kind' && measure === 'hours' ? (
        <TextField id="periodStartsOn" type="date" label={t('cpd.form.periodStartsOn')} registration={register('periodStartsOn')} error={err('periodStartsOn')} max={form.today} />
      ) : null}
      <TextField
        id="completedOn"
        type="date"
        label={mode === 'kind' && measure === 'hours' ? t('cpd.form.periodEndsOn') : t('cpd.form.completedOn')}
        hint={t('cpd.form.completedOnHint')}
        registration={register('completedOn')}
        error={err('completedOn')}
        max={form.today}
      />

      {mode === 'kind' && measure === 'points' ? (
        <TextField id="points" label={t('cpd.form.points')} hint={t('cpd.form.pointsHint', { max: form.limits.maxPoints })} registration={register('points')} error={err('points')} inputMode="decimal" narrow />
      ) : null}
      {mode === 'kind' && (measure === 'session' || measure === 'supervision') ? (
        <TextField
          id="sessionMinutes"
          label={t('cpd.form.sessionMinutes')}
          hint={minutes !== null ? t('cpd.form.sessionHint', { minutes }) : undefined}
          registration={register('sessionMinutes')}
          error={err('sessionMinutes')}
          inputMode="numeric"
          narrow
        />
      ) : null}
      {mode === 'kind' && (measure === 'supervision' || measure === 'hours') ? (
        <TextField id="hours" label={t('cpd.form.hours')} hint={t('cpd.form.hoursHint', { max: form.limits.maxHours })} registration={register('hours')} error={err('hours')} inputMode="decimal" narrow />
      ) : null}
      {mode === 'kind' && measure === 'supervision' ? (
        <TextField id="supervisees" label={t('cpd.form.supervisees')} hint={t('cpd.form.superviseesHint')} registration={register('supervisees')} error={err('supervisees')} inputMode="numeric" narrow />
      ) : null}

      {mode === 'kind' ? (
        <>
          <fieldset className="fieldset">
            <legend className="legend">{t('cpd.form.competences')}</legend>
            <p className="hint">{t('cpd.form.competencesHint')}</p>
            <div className="cpd-competences">
              {form.competences.map((c) => (
                <label className="choice" key={c.code}>
                  <input className="choice__input" type="checkbox" value={c.code} {...register('competences')} />
                  <span className="choice__label">{lang === 'en' ? c.nameEn : c.name}</span>
                </label>
              ))}
            </div>
          </fieldset>
          <div className="field">
            <label className="label" htmlFor="description">
              {t('cpd.form.description')}
            </label>
            <textarea id="description" className="input textarea" rows={3} maxLength={5000} {...register('description')} />
          </div>
          <EvidencePicker maxBytes={form.evidenceMaxBytes} kind={evidenceKind} onKind={setEvidenceKind} file={file} onFile={setFile} />
        </>
      ) : null}

      <p className="actions">
        <button type="submit" className="button" disabled={log.isPending || uploading}>
          {uploading ? t('cpd.form.uploading') : log.isPending ? t('cpd.form.submitting') : t('cpd.form.submit')}
        </button>
      </p>
      <p className="visually-hidden" role="status">
        {uploading ? t('cpd.form.uploading') : ''}
      </p>
      <div aria-live="assertive">{log.isError ? <CpdError error={log.error} /> : null}</div>
    </form>
  );
}
