import { useTranslation } from 'react-i18next';
import { DEFAULT_LANG, LANGS, isAppLang, setLang } from '../../i18n/index.js';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const active = isAppLang(i18n.language) ? i18n.language : DEFAULT_LANG;
  return (
    <div className="lang-switch" role="group" aria-label={t('lang.label')}>
      {LANGS.map((lang) => (
        <button
          key={lang}
          type="button"
          className="lang-switch__button"
          aria-pressed={active === lang}
          lang={lang}
          title={t(`lang.${lang}Full`)}
          onClick={() => void setLang(lang)}
        >
          {t(`lang.${lang}`)}
        </button>
      ))}
    </div>
  );
}
