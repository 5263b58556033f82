import type { ReactNode } from 'react';

/**
 * Label, hint and error of one form control, and the aria-describedby that ties them to it. `announce`: the error is
 * an alert, read out when it appears (for forms that show their errors on submit without a summary to focus).
 */
export function FieldFrame({
  id,
  label,
  hint,
  error,
  announce = false,
  children,
}: {
  id: string;
  label: string;
  hint?: string | undefined;
  error: string | null | undefined;
  announce?: boolean;
  children: (describedBy: string | undefined) => ReactNode;
}) {
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label className="label" htmlFor={id}>
        {label}
      </label>
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field-error" id={`${id}-error`} role={announce ? 'alert' : undefined}>
          {error}
        </p>
      ) : null}
      {children(describedBy)}
    </div>
  );
}
