import type { UseFormRegisterReturn } from 'react-hook-form';
import { FieldFrame } from './FieldFrame.js';

export interface TextFieldProps {
  id: string;
  label: string;
  hint?: string | undefined;
  /** react-hook-form's register(name): value, change and blur handling, ref. */
  registration: UseFormRegisterReturn;
  error: string | null;
  type?: 'text' | 'email' | 'date' | 'search';
  autoComplete?: string;
  inputMode?: 'numeric' | 'decimal';
  maxLength?: number;
  max?: string;
  suffix?: string;
  narrow?: boolean;
}

/** A text, email, date or search input with its label, hint and error, registered with react-hook-form. */
export function TextField({ id, label, hint, registration, error, type = 'text', autoComplete, inputMode, maxLength, max, suffix, narrow }: TextFieldProps) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      {(describedBy) => (
        <div className="field__row">
          <input
            id={id}
            className={narrow ? 'input input--narrow' : 'input'}
            type={type}
            {...registration}
            autoComplete={autoComplete}
            inputMode={inputMode}
            maxLength={maxLength}
            max={max}
            aria-describedby={describedBy}
            aria-invalid={error ? true : undefined}
            spellCheck={(type === 'text' || type === 'search') && !inputMode ? undefined : false}
          />
          {suffix ? <span className="field__suffix">{suffix}</span> : null}
        </div>
      )}
    </FieldFrame>
  );
}
