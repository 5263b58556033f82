import { useEffect, useId, useRef, useState } from 'react';
import { useFieldArray, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { submitAccreditationBody } from '../../../../server/contract/accreditations.js';
import { useAccreditationOptions, useSubmitAccreditation, type AccreditationOptions, type SubmitAccreditation } from '../../api/accreditations.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { FieldFrame } from '../../components/form/FieldFrame.js';
import { RequireLogin } from '../../components/RequireLogin.js';
import { formatNumber } from '../../lib/format.js';
import { useDocumentTitle } from '../../lib/hooks.js';
import { named } from './parts.js';

/** /provider/accreditations/new — a request: the activity, its net hours, target variants, competences and runs. */
export function NewAccreditation() {
  const { t } = useTranslation();
  useDocumentTitle(t('accreditation.new.title'));
  return (
    <>
      <p className="back-link">
        <Link to="/provider/accreditations">{t('accreditation.backToList')}</Link>
      </p>
      <h1>{t('accreditation.new.title')}</h1>
      <RequireLogin role="provider">{() => <Loader />}</RequireLogin>
    </>
  );
}

function Loader() {
  const { t } = useTranslation();
  const options = useAccreditationOptions();
  if (options.isPending)
    return (
      <p className="notice notice--loading" role="status">
        {t('accreditation.loading')}
      </p>
    );
  if (options.isError) return <ErrorMessage error={options.error} />;
  if (!options.data.organisations.some((o) => o.authorised)) return <p className="notice notice--attention">{t('accreditation.new.notAuthorised')}</p>;
  return <RequestForm options={options.data} />;
}

type Values = SubmitAccreditation;

function RequestForm({ options }: { options: AccreditationOptions }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const navigate = useNavigate();
  const submit = useSubmitAccreditation();
  const [error, setError] = useState<unknown>(null);
  const errorRef = useRef<HTMLDivElement>(null);
  // A refusal is focused (and so scrolled into view): on a phone the end of this long form may hide it otherwise.
  useEffect(() => {
    if (error) errorRef.current?.focus();
  }, [error]);
  const ids = { title: useId(), description: useId(), form: useId(), hours: useId(), org: useId(), finalTest: useId() };
  const authorised = options.organisations.filter((o) => o.authorised);
  const { register, handleSubmit, control, watch, formState } = useForm<Values, unknown, Values>({
    resolver: zodResolver(submitAccreditationBody) as never,
    defaultValues: {
      organisationId: authorised[0]?.id,
      title: '',
      description: '',
      form: options.forms[0]?.code ?? '',
      variantCodes: [],
      competenceCodes: [],
      runs: [{ startsOn: '', endsOn: '', place: '', online: false }],
      hasFinalTest: false,
    },
  });
  const runs = useFieldArray({ control, name: 'runs' });
  const form = watch('form');
  const hours = Number(watch('netContactHours'));
  const hasFinalTest = watch('hasFinalTest');
  const rules = options.rules;
  const finalTestRequired = rules.finalTest.forms.includes(form) || (Number.isFinite(hours) && hours >= rules.finalTest.minHours);
  const e = formState.errors;
  const err = (has: unknown, key: string) => (has ? t(`accreditation.new.invalid.${key}`) : null);

  const onValid = async (body: Values) => {
    setError(null);
    try {
      const created = await submit.mutateAsync(body);
      void navigate(`/provider/accreditations/${created.id}`);
    } catch (caught) {
      setError(caught);
    }
  };

  return (
    <form className="form" noValidate onSubmit={(ev) => void handleSubmit(onValid)(ev)}>
      {authorised.length > 1 ? (
        <div className="field">
          <label className="label" htmlFor={ids.org}>
            {t('accreditation.fields.organisation')}
          </label>
          <select id={ids.org} className="select" {...register('organisationId')}>
            {authorised.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <FieldFrame announce id={ids.title} label={t('accreditation.fields.title')} error={err(e.title, 'title')}>
        {(d) => <input id={ids.title} className="input" maxLength={200} aria-describedby={d} aria-invalid={e.title ? true : undefined} {...register('title')} />}
      </FieldFrame>
      <FieldFrame announce id={ids.description} label={t('accreditation.fields.description')} error={err(e.description, 'description')}>
        {(d) => <textarea id={ids.description} className="textarea" rows={5} maxLength={5000} aria-describedby={d} aria-invalid={e.description ? true : undefined} {...register('description')} />}
      </FieldFrame>
      <FieldFrame announce id={ids.form} label={t('accreditation.fields.form')} error={err(e.form, 'form')}>
        {(d) => (
          <select id={ids.form} className="select" aria-describedby={d} {...register('form')}>
            {options.forms.map((f) => (
              <option key={f.code} value={f.code}>
                {named(f.name, lang)}
              </option>
            ))}
          </select>
        )}
      </FieldFrame>
      <FieldFrame
        announce
        id={ids.hours}
        label={t('accreditation.fields.netContactHours')}
        hint={t('accreditation.new.hoursHint', { max: formatNumber(rules.maxNetHours, lang) })}
        error={err(e.netContactHours, 'netContactHours')}
      >
        {(d) => (
          <input
            id={ids.hours}
            className="input input--narrow"
            type="number"
            inputMode="decimal"
            step="0.25"
            min="0.25"
            max={rules.maxNetHours}
            aria-describedby={d}
            aria-invalid={e.netContactHours ? true : undefined}
            {...register('netContactHours', { valueAsNumber: true })}
          />
        )}
      </FieldFrame>

      <fieldset className="fieldset" aria-describedby={e.variantCodes ? 'variants-error' : undefined}>
        <legend className="legend">{t('accreditation.fields.variants')}</legend>
        {e.variantCodes ? (
          <p className="field-error" id="variants-error" role="alert">
            {t('accreditation.new.invalid.variants')}
          </p>
        ) : null}
        <ul className="plain-list choices">
          {options.variants.map((v) => (
            <li key={v.code} className="choice">
              <input className="choice__input" type="checkbox" id={`variant-${v.code}`} value={v.code} {...register('variantCodes')} />
              <label className="choice__label" htmlFor={`variant-${v.code}`}>
                {lang === 'en' ? v.nameEn : v.name}
              </label>
            </li>
          ))}
        </ul>
      </fieldset>

      <fieldset className="fieldset">
        <legend className="legend">{t('accreditation.fields.competences')}</legend>
        <p className="hint">{t('accreditation.new.competencesHint')}</p>
        <ul className="plain-list choices">
          {options.competences.map((c) => (
            <li key={c.code} className="choice">
              <input className="choice__input" type="checkbox" id={`competence-${c.code}`} value={c.code} {...register('competenceCodes')} />
              <label className="choice__label" htmlFor={`competence-${c.code}`}>
                {lang === 'en' ? c.nameEn : c.name}
              </label>
            </li>
          ))}
        </ul>
      </fieldset>

      <fieldset className="fieldset">
        <legend className="legend">{t('accreditation.fields.runs')}</legend>
        <p className="hint">{t('accreditation.new.runsHint', { max: rules.maxRunsPerRequest })}</p>
        {e.runs && !Array.isArray(e.runs) ? (
          <p className="field-error" role="alert">
            {t('accreditation.new.invalid.runs')}
          </p>
        ) : null}
        <ol className="plain-list">
          {runs.fields.map((field, i) => {
            const re: { startsOn?: unknown; endsOn?: unknown; place?: unknown } | undefined = Array.isArray(e.runs) ? (e.runs[i] as { startsOn?: unknown; endsOn?: unknown; place?: unknown } | undefined) : undefined;
            return (
              <li key={field.id} className="fieldset fieldset--nested">
                <p className="legend legend--small">{t('accreditation.new.runNumber', { n: i + 1 })}</p>
                <RunFields prefix={`runs.${i}`} register={register} errors={re} />
                {runs.fields.length > 1 ? (
                  <button type="button" className="button button--secondary button--small" onClick={() => runs.remove(i)}>
                    {t('accreditation.new.removeRun', { n: i + 1 })}
                  </button>
                ) : null}
              </li>
            );
          })}
        </ol>
        <button type="button" className="button button--secondary" onClick={() => runs.append({ startsOn: '', endsOn: '', place: '', online: false })}>
          {t('accreditation.new.addRun')}
        </button>
      </fieldset>

      <div className="field">
        <div className="choice">
          <input className="choice__input" type="checkbox" id={ids.finalTest} aria-describedby={`${ids.finalTest}-rule`} {...register('hasFinalTest')} />
          <label className="choice__label" htmlFor={ids.finalTest}>
            {t('accreditation.fields.hasFinalTest')}
          </label>
        </div>
        <p id={`${ids.finalTest}-rule`} className={finalTestRequired && !hasFinalTest ? 'notice notice--attention' : 'hint'} aria-live="polite">
          {finalTestRequired
            ? t('accreditation.new.finalTestRequired', { hours: formatNumber(rules.finalTest.minHours, lang) })
            : t('accreditation.new.finalTestRule', { hours: formatNumber(rules.finalTest.minHours, lang) })}
        </p>
      </div>

      <div ref={errorRef} tabIndex={-1}>
        {error ? <ErrorMessage error={error} /> : null}
      </div>
      <div className="actions actions--form">
        <button type="submit" className="button" disabled={submit.isPending}>
          {submit.isPending ? t('accreditation.new.submitting') : t('accreditation.new.submit')}
        </button>
      </div>
    </form>
  );
}

type Reg = ReturnType<typeof useForm<Values, unknown, Values>>['register'];

/** Start, end, place and online of one run (shared by the request form). */
export function RunFields({ prefix, register, errors }: { prefix: `runs.${number}`; register: Reg; errors: { startsOn?: unknown; endsOn?: unknown; place?: unknown } | undefined }) {
  const { t } = useTranslation();
  const base = useId();
  return (
    <div className="filters__row">
      <FieldFrame announce id={`${base}-s`} label={t('accreditation.fields.startsOn')} error={errors?.startsOn ? t('accreditation.new.invalid.date') : null}>
        {(d) => <input id={`${base}-s`} className="input" type="date" aria-describedby={d} aria-invalid={errors?.startsOn ? true : undefined} {...register(`${prefix}.startsOn`)} />}
      </FieldFrame>
      <FieldFrame announce id={`${base}-e`} label={t('accreditation.fields.endsOn')} error={errors?.endsOn ? t('accreditation.new.invalid.endsOn') : null}>
        {(d) => <input id={`${base}-e`} className="input" type="date" aria-describedby={d} aria-invalid={errors?.endsOn ? true : undefined} {...register(`${prefix}.endsOn`)} />}
      </FieldFrame>
      <FieldFrame announce id={`${base}-p`} label={t('accreditation.fields.place')} error={errors?.place ? t('accreditation.new.invalid.place') : null}>
        {(d) => <input id={`${base}-p`} className="input" maxLength={200} aria-describedby={d} aria-invalid={errors?.place ? true : undefined} {...register(`${prefix}.place`)} />}
      </FieldFrame>
      <div className="choice">
        <input className="choice__input" type="checkbox" id={`${base}-o`} {...register(`${prefix}.online`)} />
        <label className="choice__label" htmlFor={`${base}-o`}>
          {t('accreditation.fields.online')}
        </label>
      </div>
    </div>
  );
}
