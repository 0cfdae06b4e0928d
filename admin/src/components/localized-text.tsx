import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

import type { LocaleCode, MaybeLocalized } from '../types/contract';

export function pickLocalized(text: MaybeLocalized | null | undefined, lang: LocaleCode): string {
  if (text === null || text === undefined) return '';
  if (typeof text === 'string') return text;
  return text[lang] ?? text['zh-CN'] ?? text.en ?? '';
}

/** Returns a function that renders a `{ "zh-CN", en }` text in the current language. */
export function useLocalize(): (text: MaybeLocalized | null | undefined) => string {
  const { i18n } = useTranslation();
  const lang: LocaleCode = i18n.language === 'en' ? 'en' : 'zh-CN';
  return useCallback((text) => pickLocalized(text, lang), [lang]);
}

export function LocalizedText({ text }: { text: MaybeLocalized | null | undefined }) {
  const localize = useLocalize();
  return <>{localize(text)}</>;
}
