import { useTranslation } from 'react-i18next';
import type { MyRegistrationDetail } from '../../api/types.js';
import { TextField } from '../../components/form/TextField.js';
import { evidenceInputId, fieldDomId } from '../../lib/applications.js';
import { formatNumber } from '../../lib/format.js';
import { EvidenceUpload } from './EvidenceUpload.js';
import { useApplicationForm, type FieldErrorText } from './form-context.js';

/** A specialist variant's own requirements: hours to fill in, documents and statements to upload. */
export function RequirementFields({ detail, fieldError }: { detail: MyRegistrationDetail; fieldError: FieldErrorText }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const reqLang = lang === 'en' ? 'en' : 'nl';
  const { register } = useApplicationForm();
  const criteria = detail.criteria;
  if (criteria.requirements.length === 0) return null;
  return (
    <fieldset className="fieldset">
      <legend className="legend">{t('form.requirements.legend')}</legend>
      <p className="hint">{t('form.requirements.intro')}</p>
      {criteria.requirements
        .filter((r) => r.kind === 'hours')
        .map((r) => (
          <TextField
            key={r.code}
            id={fieldDomId(`requirements.${r.code}`, criteria) ?? `f-requirements-${r.code}`}
            label={r.name[reqLang]}
            hint={r.minimum !== undefined ? t('form.requirements.minimum', { minimum: formatNumber(r.minimum, lang) }) : t('form.requirements.hoursHint')}
            registration={register(`requirements.${r.code}.hours`)}
            inputMode="decimal"
            error={fieldError(`requirements.${r.code}`)}
            suffix={t('form.requirements.hoursUnit')}
            narrow
          />
        ))}
      {criteria.requirements
        .filter((r) => r.kind !== 'hours')
        .map((r) => (
          <EvidenceUpload
            key={r.code}
            registrationId={detail.id}
            kind={r.code}
            inputId={evidenceInputId(r.code)}
            title={r.name[reqLang]}
            hint={t(`form.requirements.${r.kind}Hint`)}
            files={detail.evidence.filter((e) => e.kind === r.code)}
            maxBytes={detail.evidenceMaxBytes}
          />
        ))}
    </fieldset>
  );
}
