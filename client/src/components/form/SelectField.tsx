import type { ReactNode } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { FieldFrame } from './FieldFrame.js';

/** A select with its label, hint and error, registered with react-hook-form. */
export function SelectField({
  id,
  label,
  hint,
  registration,
  error,
  children,
}: {
  id: string;
  label: string;
  hint?: string | undefined;
  registration: UseFormRegisterReturn;
  error: string | null;
  children: ReactNode;
}) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      {(describedBy) => (
        <select
          id={id}
          className="input select"
          {...registration}
          aria-describedby={describedBy}
          aria-invalid={error ? true : undefined}
        >
          {children}
        </select>
      )}
    </FieldFrame>
  );
}
