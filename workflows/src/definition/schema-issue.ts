import type { z } from 'zod';

import { t } from '../text.js';
import { describePath } from './describe-path.js';
import type { TLocalizedText } from './schema.js';

const valueAt = (doc: unknown, path: PropertyKey[]) =>
  path.reduce<unknown>(
    (v, k) => (v && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k] : undefined),
    doc,
  );

/** What is wrong, in words a bureau's designer reads (zod's own messages are English and technical). */
function what(doc: unknown, issue: z.core.$ZodIssue): TLocalizedText {
  switch (issue.code) {
    case 'invalid_type':
      return valueAt(doc, issue.path) === undefined ? t('未填写', 'is missing') : t('类型不正确', 'has the wrong type');
    case 'too_small':
      return issue.origin === 'number'
        ? t(`不能小于 ${String(issue.minimum)}`, `must be at least ${String(issue.minimum)}`)
        : t('不能为空', 'cannot be empty');
    case 'too_big':
      return t(`不能大于 ${String(issue.maximum)}`, `must be at most ${String(issue.maximum)}`);
    case 'invalid_value':
      return t(`须为以下之一：${issue.values.join('、')}`, `must be one of: ${issue.values.join(', ')}`);
    case 'invalid_format':
      return t(`格式不正确（${issue.message}）`, `is not in the right format (${issue.message})`);
    case 'invalid_key':
      return t(
        '名称格式不正确（以字母开头，只含字母、数字和 _）',
        'has a badly formed name (a letter, then letters, digits or _)',
      );
    default:
      return t(`不正确（${issue.message}）`, `is not valid (${issue.message})`);
  }
}

/** A schema problem as the designer lists it: where (by step, button and field names) and what. */
export function schemaIssueMessage(doc: unknown, issue: z.core.$ZodIssue): TLocalizedText {
  const where = describePath(doc, issue.path.join('.'));
  const w = what(doc, issue);
  return t(`${where['zh-CN']}：${w['zh-CN']}`, `${where.en}: ${w.en}`);
}
