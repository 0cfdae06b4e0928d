import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';

import type { LocaleCode } from '../types/contract';

export const LANGUAGES: LocaleCode[] = ['zh-CN', 'en'];
export const DEFAULT_LANGUAGE: LocaleCode = 'zh-CN';
const STORAGE_KEY = 'eduflow.language';

/**
 * Translations come in bundles per language, each fetched when first needed: `sign-in` (the sign-in
 * page and every page's common words), `console` (the rest, once signed in), and the words of two big
 * pages only the bureau opens, `designer` and `reference`. A language is loaded together with the
 * fallback language, as before (a key missing in English shows the Chinese text).
 */
export type TranslationScope = 'sign-in' | 'console' | 'designer' | 'reference';
type Bundle = () => Promise<{ default: Record<string, unknown> }>;
const BUNDLES: Record<TranslationScope, Record<LocaleCode, Bundle>> = {
  'sign-in': {
    'zh-CN': () => import('./locales/sign-in-bundle.zh-CN'),
    en: () => import('./locales/sign-in-bundle.en'),
  },
  console: { 'zh-CN': () => import('./locales/console-bundle.zh-CN'), en: () => import('./locales/console-bundle.en') },
  designer: {
    'zh-CN': () => import('./locales/designer-bundle.zh-CN'),
    en: () => import('./locales/designer-bundle.en'),
  },
  reference: {
    'zh-CN': () => import('./locales/reference-bundle.zh-CN'),
    en: () => import('./locales/reference-bundle.en'),
  },
};
const SCOPES: Record<TranslationScope, TranslationScope[]> = {
  'sign-in': ['sign-in'],
  console: ['sign-in', 'console'],
  designer: ['sign-in', 'console', 'designer'],
  reference: ['sign-in', 'console', 'reference'],
};
const loaded = new Map<string, Promise<void>>();
const inUse = new Set<TranslationScope>();

function load(scope: TranslationScope, lng: LocaleCode): Promise<void> {
  const key = `${scope}/${lng}`;
  let done = loaded.get(key);
  if (!done) {
    done = BUNDLES[scope][lng]().then((m) => {
      i18n.addResourceBundle(lng, 'translation', m.default, true, true);
    });
    loaded.set(key, done);
  }
  return done;
}

const withFallback = (lng: LocaleCode): LocaleCode[] => (lng === DEFAULT_LANGUAGE ? [lng] : [lng, DEFAULT_LANGUAGE]);

/** Fetches what a page needs to speak, in the current language (or in `languages`), before it renders. */
export async function loadTranslations(
  scope: TranslationScope,
  languages: LocaleCode[] = withFallback(currentLanguage()),
): Promise<void> {
  for (const s of SCOPES[scope]) inUse.add(s);
  await Promise.all(SCOPES[scope].flatMap((s) => languages.map((lng) => load(s, lng))));
}

function storedLanguage(): LocaleCode {
  const saved = typeof localStorage === 'undefined' ? null : localStorage.getItem(STORAGE_KEY);
  return LANGUAGES.find((l) => l === saved) ?? DEFAULT_LANGUAGE;
}

export function currentLanguage(): LocaleCode {
  return LANGUAGES.find((l) => l === i18n.language) ?? DEFAULT_LANGUAGE;
}

export async function setLanguage(lng: LocaleCode): Promise<void> {
  localStorage.setItem(STORAGE_KEY, lng);
  await Promise.all([...inUse].flatMap((s) => withFallback(lng).map((l) => load(s, l))));
  document.documentElement.lang = lng;
  await i18n.changeLanguage(lng);
}

const initialLanguage = storedLanguage();
// index.html says zh-CN; a console opened in English must say so too, or a screen reader reads it in Chinese.
if (typeof document !== 'undefined') document.documentElement.lang = initialLanguage;

void i18n.use(initReactI18next).init({
  resources: {},
  partialBundledLanguages: true,
  lng: initialLanguage,
  fallbackLng: DEFAULT_LANGUAGE,
  interpolation: { escapeValue: false },
  returnNull: false,
  // i18next 25 advertises its vendor's service in every console that starts it (the browser's, the tests').
  showSupportNotice: false,
});

export default i18n;
