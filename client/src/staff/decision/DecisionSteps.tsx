import type { ReactNode, RefObject } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { ErrorMessage } from '../../components/ErrorMessage.js';

/** The failure of the last send, focusable so that it is read out (see useDecisionStep). */
export function DecisionError({ error, errorRef }: { error: unknown; errorRef: RefObject<HTMLDivElement | null> }) {
  if (!error) return null;
  return (
    <div ref={errorRef} tabIndex={-1}>
      <ErrorMessage error={error} />
    </div>
  );
}

/** The decision's radio buttons, each with its hint; the first one is where focus goes when none is chosen. */
export function DecisionChoices<D extends string>({
  choices,
  field,
  idPrefix,
  label,
  hint,
  disabled,
  firstRef,
}: {
  choices: readonly D[];
  field: UseFormRegisterReturn;
  idPrefix: string;
  label: (choice: D) => ReactNode;
  hint: (choice: D) => ReactNode;
  disabled: boolean;
  firstRef: RefObject<HTMLInputElement | null>;
}) {
  return (
    <ul className="plain-list choices">
      {choices.map((d, i) => (
        <li key={d} className="choice">
          <input
            {...field}
            ref={(el) => {
              field.ref(el);
              if (i === 0) firstRef.current = el;
            }}
            className="choice__input"
            type="radio"
            id={`${idPrefix}-${d}`}
            value={d}
            disabled={disabled}
            aria-describedby={`${idPrefix}-${d}-hint`}
          />
          <label className="choice__label" htmlFor={`${idPrefix}-${d}`}>
            {label(d)}
          </label>
          <p className="hint choice__hint" id={`${idPrefix}-${d}-hint`}>
            {hint(d)}
          </p>
        </li>
      ))}
    </ul>
  );
}

/** The reason (or question) a decision carries: label, hint, the problem announced, and the text itself. */
export function DecisionText({
  ids,
  label,
  hint,
  problem,
  field,
  textRef,
  disabled,
  required,
}: {
  ids: { text: string; hint: string; error: string };
  label: ReactNode;
  hint: ReactNode;
  problem: ReactNode;
  field: UseFormRegisterReturn;
  textRef: RefObject<HTMLTextAreaElement | null>;
  disabled: boolean;
  required?: boolean;
}) {
  return (
    <div className="field">
      <label className="label" htmlFor={ids.text}>
        {label}
      </label>
      <p className="hint" id={ids.hint}>
        {hint}
      </p>
      {problem ? (
        <p className="field-error" id={ids.error} role="alert">
          {problem}
        </p>
      ) : null}
      <textarea
        {...field}
        ref={(el) => {
          field.ref(el);
          textRef.current = el;
        }}
        id={ids.text}
        className="input textarea"
        rows={5}
        maxLength={2000}
        required={required}
        aria-describedby={[ids.hint, problem ? ids.error : null].filter(Boolean).join(' ')}
        aria-invalid={problem ? true : undefined}
        disabled={disabled}
      />
    </div>
  );
}

/** "Are you sure?": what will be recorded, confirm or go back (which returns focus to the submit button). */
export function ConfirmDecision({
  titleId,
  title,
  text,
  yes,
  no,
  busy,
  confirmRef,
  onYes,
  onNo,
}: {
  titleId: string;
  title: ReactNode;
  text: ReactNode;
  yes: ReactNode;
  no: ReactNode;
  busy: boolean;
  confirmRef: RefObject<HTMLDivElement | null>;
  onYes: () => void;
  onNo: () => void;
}) {
  return (
    <div className="notice notice--attention confirm" tabIndex={-1} ref={confirmRef} role="group" aria-labelledby={titleId}>
      <p className="notice__title" id={titleId}>
        {title}
      </p>
      <p>{text}</p>
      <p className="actions">
        <button type="button" className="button" onClick={onYes} disabled={busy}>
          {yes}
        </button>
        <button type="button" className="button button--secondary" disabled={busy} onClick={onNo}>
          {no}
        </button>
      </p>
    </div>
  );
}
