import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en, nl } from './resources.js';

export const LANGS = ['nl', 'en'] as const;
export type AppLang = (typeof LANGS)[number];
export const DEFAULT_LANG: AppLang = 'nl';
export const LANG_STORAGE_KEY = 'vr.lang';

export function isAppLang(value: unknown): value is AppLang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}

function storedLang(): AppLang {
  try {
    const value = globalThis.localStorage?.getItem(LANG_STORAGE_KEY);
    return isAppLang(value) ? value : DEFAULT_LANG;
  } catch {
    return DEFAULT_LANG;
  }
}

function syncDocumentLang(lang: string): void {
  if (typeof document !== 'undefined') document.documentElement.lang = lang;
}

i18next.on('languageChanged', syncDocumentLang);

void i18next.use(initReactI18next).init({
  resources: { nl: { translation: nl }, en: { translation: en } },
  lng: storedLang(),
  fallbackLng: DEFAULT_LANG,
  supportedLngs: [...LANGS],
  initAsync: false,
  returnNull: false,
  interpolation: { escapeValue: false }, // React already escapes
});
syncDocumentLang(i18next.language);

/** Switch the UI language and remember the user's choice. */
export async function setLang(lang: AppLang): Promise<void> {
  await i18next.changeLanguage(lang);
  try {
    globalThis.localStorage?.setItem(LANG_STORAGE_KEY, lang);
  } catch {
    /* storage unavailable (e.g. private mode): the choice just isn't remembered */
  }
}

/** The active UI language, narrowed to the supported ones. */
export function currentLang(): AppLang {
  return isAppLang(i18next.language) ? i18next.language : DEFAULT_LANG;
}

export default i18next;
