import { FieldFrame } from './FieldFrame.js';

export interface TextFieldProps {
  id: string;
  label: string;
  hint?: string | undefined;
  value: string;
  onChange: (value: string) => void;
  error: string | null;
  type?: 'text' | 'email' | 'date';
  autoComplete?: string;
  inputMode?: 'numeric' | 'decimal';
  maxLength?: number;
  max?: string;
  suffix?: string;
  narrow?: boolean;
}

/** A text, email or date input with its label, hint and error. */
export function TextField({ id, label, hint, value, onChange, error, type = 'text', autoComplete, inputMode, maxLength, max, suffix, narrow }: TextFieldProps) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      {(describedBy) => (
        <div className="field__row">
          <input
            id={id}
            className={narrow ? 'input input--narrow' : 'input'}
            type={type}
            value={value}
            onChange={(e) => onChange(e.target.value)}
            autoComplete={autoComplete}
            inputMode={inputMode}
            maxLength={maxLength}
            max={max}
            aria-describedby={describedBy}
            aria-invalid={error ? true : undefined}
            spellCheck={type === 'text' && !inputMode ? undefined : false}
          />
          {suffix ? <span className="field__suffix">{suffix}</span> : null}
        </div>
      )}
    </FieldFrame>
  );
}
