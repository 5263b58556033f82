import { useTranslation } from 'react-i18next';
import type { EntryCriteria } from '../../api/types.js';
import { DECLARATIONS } from '../../api/types.js';
import { useApplicationForm, type FieldErrorText } from './form-context.js';

/** The declarations the variant asks for (beroepscode, tuchtrecht, publication), each with what it means. */
export function DeclarationFields({ criteria, fieldError }: { criteria: EntryCriteria; fieldError: FieldErrorText }) {
  const { t } = useTranslation();
  const { register } = useApplicationForm();
  const declarations = DECLARATIONS.filter((d) => criteria.declarations.includes(d));
  if (declarations.length === 0) return null;
  return (
    <fieldset className="fieldset">
      <legend className="legend">{t('form.declarations.legend')}</legend>
      <p className="hint">{t('form.declarations.intro')}</p>
      <ul className="plain-list choices">
        {declarations.map((code) => {
          const id = `f-declarations-${code}`;
          const error = fieldError(`declarations.${code}`);
          return (
            <li key={code} className="choice">
              <input
                className="choice__input"
                type="checkbox"
                id={id}
                {...register(`declarations.${code}`)}
                aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
                aria-invalid={error ? true : undefined}
              />
              <label className="choice__label" htmlFor={id}>
                {t(`declaration.${code}.statement`)}
              </label>
              <p className="hint choice__hint" id={`${id}-hint`}>
                {t(`declaration.${code}.explanation`)}
              </p>
              {error ? (
                <p className="field-error choice__hint" id={`${id}-error`}>
                  {error}
                </p>
              ) : null}
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}
