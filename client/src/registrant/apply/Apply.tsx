import { useEffect, useId, useRef } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.js';
import { useCreateRegistration, useMyRegistrations } from '../../api/registrations.js';
import { createSchema } from '../../api/schemas.js';
import { useVariants } from '../../api/variants.js';
import type { MyRegistrations, Variant } from '../../api/types.js';
import { CriteriaList } from '../../components/CriteriaList.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { variantName } from '../../lib/names.js';
import { RequireLogin } from '../../components/RequireLogin.js';
import { useDocumentTitle } from '../../lib/hooks.js';

export function Apply() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const specialist = params.get('kind') === 'specialist';
  const title = specialist ? t('apply.titleSpecialist') : t('apply.title');
  useDocumentTitle(title);
  return (
    <>
      <p className="back-link">
        <Link to="/account">{t('application.backToAccount')}</Link>
      </p>
      <h1>{title}</h1>
      <RequireLogin>{() => <ApplyForm />}</RequireLogin>
    </>
  );
}

export type VariantAvailability = { available: true } | { available: false; reason: 'exists' | 'needsGeneralist'; existingId?: string };

/**
 * Whether a variant may be chosen: the server says which variants are open to this registrant (can.apply); the
 * reason shown for the others is read from the registrations (one for this variant already, or none to hang under).
 */
export function variantAvailability(variant: Variant, data: Pick<MyRegistrations, 'items' | 'can'>): VariantAvailability {
  if (data.can.apply.some((a) => a.variantCode === variant.code)) return { available: true };
  const existing = data.items.find((r) => r.variant.code === variant.code);
  if (existing) return { available: false, reason: 'exists', existingId: existing.id };
  return { available: false, reason: 'needsGeneralist' };
}

function ApplyForm() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const navigate = useNavigate();
  const variantsQuery = useVariants();
  const registrationsQuery = useMyRegistrations();
  const create = useCreateRegistration();
  const { register, handleSubmit, watch, formState } = useForm<{ variantCode: string }>({
    resolver: zodResolver(createSchema),
    defaultValues: { variantCode: '' },
    shouldFocusError: false,
  });
  const selected = watch('variantCode');
  const missing = formState.errors.variantCode !== undefined;
  const busy = create.isPending || create.isSuccess;
  const error = create.error;
  const firstRadio = useRef<HTMLInputElement | null>(null);
  const errorRef = useRef<HTMLDivElement>(null);
  const legendId = useId();
  const missingId = useId();

  useEffect(() => {
    if (error) errorRef.current?.focus();
  }, [error]);

  if (variantsQuery.isPending || registrationsQuery.isPending) {
    return (
      <p className="notice notice--loading" role="status" aria-busy="true">
        {t('apply.loading')}
      </p>
    );
  }
  if (variantsQuery.isError) return <ErrorMessage error={variantsQuery.error} />;
  if (registrationsQuery.isError) return <ErrorMessage error={registrationsQuery.error} />;

  const variants = variantsQuery.data;
  const registrations = registrationsQuery.data;
  const generalists = variants.filter((v) => v.kind === 'generalist');
  const specialists = variants.filter((v) => v.kind === 'specialist');
  const selectedVariant = variants.find((v) => v.code === selected) ?? null;

  const onSubmit = handleSubmit(
    ({ variantCode }) =>
      create.mutate(variantCode, {
        onSuccess: (created) => void navigate(`/applications/${encodeURIComponent(created.id)}`),
      }),
    () => firstRadio.current?.focus(),
  );

  let firstAssigned = false;
  const radio = (v: Variant) => {
    const availability = variantAvailability(v, registrations);
    const hintId = `variant-hint-${v.code}`;
    const isFirst = !firstAssigned && availability.available;
    if (isFirst) firstAssigned = true;
    const registration = register('variantCode');
    return (
      <li key={v.code} className="choice">
        <input
          {...registration}
          ref={(el) => {
            registration.ref(el);
            if (isFirst) firstRadio.current = el;
          }}
          className="choice__input"
          type="radio"
          id={`variant-${v.code}`}
          value={v.code}
          disabled={!availability.available || busy}
          aria-describedby={[hintId, missing ? missingId : null].filter(Boolean).join(' ')}
        />
        <label className="choice__label" htmlFor={`variant-${v.code}`}>
          {variantName(v, lang)} <span className={`kind kind--${v.kind}`}>{t(`variantKind.${v.kind}`)}</span>
        </label>
        <p className="hint choice__hint" id={hintId}>
          {availability.available
            ? t(`apply.hint.${v.kind}`)
            : availability.reason === 'exists'
              ? t('apply.unavailable.exists')
              : t('apply.unavailable.needsGeneralist')}
        </p>
      </li>
    );
  };

  const existsError = error instanceof ApiError && error.code === 'already_exists';

  return (
    <form className="form" onSubmit={(e) => void onSubmit(e)} noValidate>
      <p className="lead">{t('apply.intro')}</p>
      {error ? (
        <div ref={errorRef} tabIndex={-1}>
          <ErrorMessage error={error} />
          {existsError ? (
            <p>
              <Link to="/account">{t('apply.toAccount')}</Link>
            </p>
          ) : null}
        </div>
      ) : null}
      <fieldset className="fieldset" aria-describedby={missing ? missingId : undefined}>
        <legend className="legend" id={legendId}>
          {t('apply.legend')}
        </legend>
        {missing ? (
          <p className="field-error" id={missingId} role="alert">
            {t('apply.chooseVariant')}
          </p>
        ) : null}
        <h2 className="group-heading">{t('apply.generalists')}</h2>
        <ul className="plain-list choices">{generalists.map(radio)}</ul>
        {specialists.length > 0 ? (
          <>
            <h2 className="group-heading">{t('apply.specialists')}</h2>
            <p className="hint">{t('apply.specialistsIntro')}</p>
            <ul className="plain-list choices">{specialists.map(radio)}</ul>
          </>
        ) : null}
      </fieldset>

      {selectedVariant ? (
        <section className="criteria" aria-live="polite" aria-labelledby="criteria-heading">
          <h2 id="criteria-heading">{t('apply.criteriaTitle', { variant: variantName(selectedVariant, lang) })}</h2>
          <CriteriaList criteria={selectedVariant.criteria} />
        </section>
      ) : null}

      <p className="actions">
        <button type="submit" className="button" disabled={busy}>
          {busy ? t('apply.submitting') : t('apply.submit')}
        </button>
      </p>
    </form>
  );
}
