import type { ReactNode } from 'react';
import { FieldFrame } from './FieldFrame.js';

/** A select with its label, hint and error. */
export function SelectField({
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
