import type { TDefinition, TLocalizedText } from './definition/schema.js';

const PLACEHOLDER = /\{([A-Za-z][A-Za-z0-9_]*)\}/g;

/** The field names a title template reads, in order (`{title}`, `{cycle}` …). */
export function titleFields(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[1]);
}

const shown = (value: unknown): string | null => {
  if (typeof value === 'string') return value.trim() === '' ? null : value.trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
};

/**
 * An instance's human title, as its definition declares it (`title`: `{field}` placeholders filled from
 * the data). Null when the definition declares none or a placeholder's field is empty: the console then
 * shows the workflow's name, as it did before titles existed.
 */
export function titleOf(def: Pick<TDefinition, 'title'>, data: Record<string, unknown>): TLocalizedText | null {
  if (!def.title) return null;
  const out = { 'zh-CN': '', en: '' };
  for (const locale of ['zh-CN', 'en'] as const) {
    let missing = false;
    out[locale] = def.title[locale]
      .replace(PLACEHOLDER, (_, name: string) => {
        const value = shown(data[name]);
        if (value === null) missing = true;
        return value ?? '';
      })
      .trim();
    if (missing || out[locale] === '') return null;
  }
  return out;
}
