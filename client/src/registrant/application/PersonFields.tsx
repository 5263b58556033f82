import { useTranslation } from 'react-i18next';
import { TextField } from '../../components/form/TextField.js';
import { useApplicationForm, type FieldErrorText } from './form-context.js';

export function PersonFields({ fieldError }: { fieldError: FieldErrorText }) {
  const { t } = useTranslation();
  const { register } = useApplicationForm();
  return (
    <fieldset className="fieldset">
      <legend className="legend">{t('form.person.legend')}</legend>
      <p className="hint">{t('form.person.noBsn')}</p>
      <TextField id="f-person-givenNames" label={t('form.person.givenNames')} registration={register('person.givenNames')} autoComplete="given-name" error={fieldError('person.givenNames')} maxLength={100} />
      <TextField id="f-person-prefix" label={t('form.person.prefix')} hint={t('form.person.prefixHint')} registration={register('person.prefix')} autoComplete="off" error={fieldError('person.prefix')} maxLength={30} narrow />
      <TextField id="f-person-familyName" label={t('form.person.familyName')} registration={register('person.familyName')} autoComplete="family-name" error={fieldError('person.familyName')} maxLength={100} />
      <TextField id="f-person-email" label={t('form.person.email')} type="email" registration={register('person.email')} autoComplete="email" error={fieldError('person.email')} maxLength={200} />
    </fieldset>
  );
}
