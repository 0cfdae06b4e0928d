import type { I18nProvider } from '@refinedev/core';

import i18n, { currentLanguage, LANGUAGES, setLanguage } from '../config/i18n';

export const i18nProvider: I18nProvider = {
  translate: (key, options, defaultMessage) => {
    const opts = typeof options === 'object' && options !== null ? options : {};
    const fallback = typeof options === 'string' ? options : defaultMessage;
    return String(i18n.t(key, { defaultValue: fallback ?? key, ...opts }));
  },
  changeLocale: (lang) => setLanguage(LANGUAGES.find((l) => l === lang) ?? currentLanguage()),
  getLocale: () => currentLanguage(),
};
