import { useTranslation } from 'react-i18next';
import type { MyRegistrationDetail } from '../../api/types.js';
import { SelectField } from '../../components/form/SelectField.js';
import { TextField } from '../../components/form/TextField.js';
import { diplomaEvidenceKind, DIPLOMA_EVIDENCE_ID, EVC_ROUTE } from '../../lib/applications.js';
import { EvidenceUpload } from './EvidenceUpload.js';
import { useApplicationForm, type FieldErrorText } from './form-context.js';

/** The diploma (or the EVC route), its year, and the upload that proves it. */
export function DiplomaFields({ detail, fieldError }: { detail: MyRegistrationDetail; fieldError: FieldErrorText }) {
  const { t } = useTranslation();
  const { register, watch } = useApplicationForm();
  const criteria = detail.criteria;
  const diplomaKind = diplomaEvidenceKind(watch('diplomaCode') || detail.application.diplomaCode);
  return (
    <fieldset className="fieldset">
      <legend className="legend">{t('form.diploma.legend')}</legend>
      <SelectField
        id="f-diplomaCode"
        label={t('form.diploma.code')}
        hint={criteria.evcRouteAllowed ? t('form.diploma.evcHint') : undefined}
        registration={register('diplomaCode')}
        error={fieldError('diplomaCode')}
      >
        <option value="">{t('form.diploma.choose')}</option>
        {criteria.diplomas.map((d) => (
          <option key={d.code} value={d.code}>
            {d.name}
          </option>
        ))}
        {criteria.evcRouteAllowed ? <option value={EVC_ROUTE}>{t('form.diploma.evc')}</option> : null}
      </SelectField>
      <TextField id="f-diplomaYear" label={t('form.diploma.year')} hint={t('form.diploma.yearHint')} registration={register('diplomaYear')} inputMode="numeric" maxLength={4} error={fieldError('diplomaYear')} narrow />
      <EvidenceUpload
        registrationId={detail.id}
        kind={diplomaKind}
        inputId={DIPLOMA_EVIDENCE_ID}
        title={t(`evidence.kind.${diplomaKind}`)}
        hint={diplomaKind === 'evc-certificate' ? t('form.diploma.evcUploadHint') : t('form.diploma.uploadHint')}
        files={detail.evidence.filter((e) => e.kind === 'diploma' || e.kind === 'evc-certificate')}
        maxBytes={detail.evidenceMaxBytes}
      />
    </fieldset>
  );
}
