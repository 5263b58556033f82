import { useTranslation } from 'react-i18next';
import type { EntryCriteria } from '../api/types.js';
import { formatNumber } from '../lib/format.js';

/** What an applicant needs for a variant, in plain words. */
export function CriteriaList({ criteria }: { criteria: EntryCriteria }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'nl';
  return (
    <ul className="criteria-list">
      {criteria.diplomas.length > 0 ? (
        <li>
          {criteria.evcRouteAllowed ? t('criteria.diplomaOrEvc') : t('criteria.diploma')}
          <ul>
            {criteria.diplomas.map((d) => (
              <li key={d.code}>{d.name}</li>
            ))}
          </ul>
        </li>
      ) : criteria.evcRouteAllowed ? (
        <li>{t('criteria.evcOnly')}</li>
      ) : null}
      <li>
        {criteria.vogMaxAgeMonths !== null
          ? t('criteria.vog', { count: criteria.vogMaxAgeMonths })
          : t('criteria.vogAnyAge')}
      </li>
      {criteria.declarations.length > 0 ? (
        <li>
          {t('criteria.declarations')}
          <ul>
            {criteria.declarations.map((d) => (
              <li key={d}>{t(`declaration.${d}.title`)}</li>
            ))}
          </ul>
        </li>
      ) : null}
      {criteria.requirements.map((r) => (
        <li key={r.code}>
          {r.name[lang]}
          {r.minimum !== undefined ? ` (${t('form.requirements.minimum', { minimum: formatNumber(r.minimum, i18n.language) })})` : ''}
        </li>
      ))}
    </ul>
  );
}
