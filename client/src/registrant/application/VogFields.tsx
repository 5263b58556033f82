import { useTranslation } from 'react-i18next';
import type { MyRegistrationDetail } from '../../api/types.js';
import { TextField } from '../../components/form/TextField.js';
import { evidenceInputId, todayInAmsterdam } from '../../lib/applications.js';
import { EvidenceUpload } from './EvidenceUpload.js';
import { useApplicationForm, type FieldErrorText } from './form-context.js';

/** The VOG's issue date (its allowed age is the variant's) and its upload. */
export function VogFields({ detail, fieldError }: { detail: MyRegistrationDetail; fieldError: FieldErrorText }) {
  const { t } = useTranslation();
  const { register } = useApplicationForm();
  const maxAge = detail.criteria.vogMaxAgeMonths;
  return (
    <fieldset className="fieldset">
      <legend className="legend">{t('form.vog.legend')}</legend>
      <TextField
        id="f-vogIssuedOn"
        label={t('form.vog.issuedOn')}
        hint={maxAge !== null ? t('form.vog.maxAge', { count: maxAge }) : t('form.vog.anyAge')}
        type="date"
        max={todayInAmsterdam()}
        registration={register('vogIssuedOn')}
        error={fieldError('vogIssuedOn')}
        narrow
      />
      <EvidenceUpload
        registrationId={detail.id}
        kind="vog"
        inputId={evidenceInputId('vog')}
        title={t('evidence.kind.vog')}
        files={detail.evidence.filter((e) => e.kind === 'vog')}
        maxBytes={detail.evidenceMaxBytes}
      />
    </fieldset>
  );
}
