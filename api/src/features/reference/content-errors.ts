import type { z } from 'zod';

import { type TLocalized, zodFieldErrors } from '../../errors.js';

/**
 * Cross-field rules of the reference schemas raise `custom` issues whose generic Chinese text
 * ("不符合要求") does not tell the bureau what to fix. These are the known ones in both languages,
 * keyed by the English message the schema raises (the workflows' schemas are shared, so their text is).
 */
const CUSTOM_ZH: Record<string, string> = {
  'dimension weights must sum to 1': '各考核维度的权重之和必须等于 1（即 100%）',
  'item codes must be unique': '编号不能重复',
  'code is already used by another item': '编号与其他条目重复',
  'window must start on or before its end': '开始日期不能晚于结束日期',
  'no whitelist item has this code': '白名单中没有该编号的事项',
};

/** A 422's field messages for a reference document, keyed `content.<path>` as the console's form names its cells. */
export function contentFieldErrors(error: z.ZodError): Record<string, TLocalized> {
  const out = zodFieldErrors(error);
  for (const issue of error.issues) {
    const zh = issue.code === 'custom' ? CUSTOM_ZH[issue.message] : undefined;
    const key = issue.path.map(String).join('.') || '_';
    if (zh && out[key]?.en === issue.message) out[key] = { 'zh-CN': zh, en: issue.message };
  }
  return Object.fromEntries(Object.entries(out).map(([k, v]) => [`content.${k}`, v]));
}
