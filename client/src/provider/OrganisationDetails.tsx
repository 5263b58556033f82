import { useRef, useState, type FormEvent } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { useUpdateOrganisation } from '../api/organisations.js';
import type { MyOrganisation, UpdateOrganisationRequest } from '../api/organisation-types.js';
import { DetailRow } from '../components/DetailRow.js';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { ORGANISATION_FIELDS, updateFormSchema, valuesOf, type OrganisationFormValues } from './organisation-form.js';
import { OrganisationFields } from './OrganisationFields.js';

/** The organisation's details; its admins may change them (audited). */
export function OrganisationDetails({ organisation: o }: { organisation: MyOrganisation }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const editRef = useRef<HTMLButtonElement>(null);
  return (
    <section id="details" aria-labelledby="details-heading" className="section">
      <h2 id="details-heading">{t('organisations.details.heading')}</h2>
      {saved ? (
        <p className="notice notice--success" role="status">
          {t('organisations.details.saved')}
        </p>
      ) : null}
      {editing ? (
        <DetailsForm
          organisation={o}
          onDone={(didSave) => {
            setEditing(false);
            setSaved(didSave);
            requestAnimationFrame(() => editRef.current?.focus());
          }}
        />
      ) : (
        <>
          <dl className="details">
            {ORGANISATION_FIELDS.map((f) => (
              <DetailRow key={f} label={t(`organisations.fields.${f}.label`)}>
                {valuesOf(o)[f] || t('common.none')}
              </DetailRow>
            ))}
          </dl>
          {o.can.edit ? (
            <button
              type="button"
              className="button button--secondary"
              ref={editRef}
              onClick={() => {
                setSaved(false);
                setEditing(true);
              }}
            >
              {t('organisations.details.edit')}
            </button>
          ) : null}
        </>
      )}
    </section>
  );
}

function DetailsForm({ organisation, onDone }: { organisation: MyOrganisation; onDone: (saved: boolean) => void }) {
  const { t } = useTranslation();
  const before = valuesOf(organisation);
  const { register, handleSubmit, formState } = useForm<OrganisationFormValues, unknown, UpdateOrganisationRequest>({
    resolver: zodResolver(updateFormSchema(before)),
    defaultValues: before,
  });
  const update = useUpdateOrganisation(organisation.id);
  const errorRef = useRef<HTMLDivElement>(null);
  // The schema refuses an edit that changes nothing without naming a field: say so rather than send it.
  const [nothingChanged, setNothingChanged] = useState(false);
  const onSubmit = (event: FormEvent<HTMLFormElement>) =>
    void handleSubmit(
    (body) => {
      setNothingChanged(false);
      update.mutate(body, { onSuccess: () => onDone(true), onError: () => errorRef.current?.focus() });
    },
    (errors) => setNothingChanged(!ORGANISATION_FIELDS.some((f) => errors[f])),
  )(event);
  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-label={t('organisations.details.formLabel')}>
      <OrganisationFields idPrefix="details" register={register} errors={formState.errors} />
      <div ref={errorRef} tabIndex={-1}>
        {update.isError ? <ErrorMessage error={update.error} /> : null}
        {nothingChanged ? (
          <p className="notice" role="status">
            {t('organisations.details.nothingChanged')}
          </p>
        ) : null}
      </div>
      <div className="actions actions--form">
        <button type="submit" className="button" disabled={update.isPending}>
          {update.isPending ? t('organisations.details.saving') : t('organisations.details.save')}
        </button>
        <button type="button" className="button button--secondary" onClick={() => onDone(false)}>
          {t('organisations.cancel')}
        </button>
      </div>
    </form>
  );
}
