import type { FieldErrors, UseFormRegister } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { TextField } from '../components/form/TextField.js';
import { ORGANISATION_FIELDS, type OrganisationField, type OrganisationFormValues } from './organisation-form.js';

const INPUT: Record<OrganisationField, { type?: 'text' | 'email'; autoComplete: string; inputMode?: 'numeric'; maxLength: number; narrow?: boolean }> = {
  name: { autoComplete: 'organization', maxLength: 200 },
  kvkNumber: { autoComplete: 'off', inputMode: 'numeric', maxLength: 8, narrow: true },
  contactName: { autoComplete: 'name', maxLength: 200 },
  contactEmail: { type: 'email', autoComplete: 'email', maxLength: 254 },
  phone: { autoComplete: 'tel', maxLength: 32 },
  website: { autoComplete: 'url', maxLength: 300 },
  city: { autoComplete: 'address-level2', maxLength: 100 },
};

/** The seven details of an organisation, each with its label, hint and a translated error. */
export function OrganisationFields({ idPrefix, register, errors }: { idPrefix: string; register: UseFormRegister<OrganisationFormValues>; errors: FieldErrors<OrganisationFormValues> }) {
  const { t } = useTranslation();
  return (
    <>
      {ORGANISATION_FIELDS.map((field) => {
        const input = INPUT[field];
        return (
          <TextField
            key={field}
            id={`${idPrefix}-${field}`}
            label={t(`organisations.fields.${field}.label`)}
            hint={t(`organisations.fields.${field}.hint`)}
            registration={register(field)}
            error={errors[field] ? t(`organisations.fields.${field}.error`) : null}
            type={input.type ?? 'text'}
            autoComplete={input.autoComplete}
            {...(input.inputMode ? { inputMode: input.inputMode } : {})}
            maxLength={input.maxLength}
            {...(input.narrow ? { narrow: true } : {})}
          />
        );
      })}
    </>
  );
}
