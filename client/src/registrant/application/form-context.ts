import { useFormContext } from 'react-hook-form';
import type { ApplicationFormValues } from './application-form.js';

/** Inline error text for an issue field ("person.email", "requirements.<code>"), or null. */
export type FieldErrorText = (issueField: string) => string | null;

/** The application form's react-hook-form context, typed (sections are rendered inside its FormProvider). */
export function useApplicationForm() {
  return useFormContext<ApplicationFormValues>();
}
