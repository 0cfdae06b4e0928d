import type { TDefinition, TFieldDef, TLocalizedText } from '../definition/schema.js';
import { t } from '../text.js';
import { allFields, fieldAccess } from './field-access.js';

const given = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
// Scores may carry halves: compare and add in hundredths so 12.5 + 7.5 is 20.
const sum = (values: number[]) => Math.round(values.reduce((a, b) => a + b * 100, 0)) / 100;

/**
 * A total and its criteria must agree: once any criterion is given, every one is, and the total is their
 * sum. A total given alone (a holistic score, an import) stands.
 */
export function sumProblem(
  field: TFieldDef,
  data: Record<string, unknown>,
  fields: Map<string, TFieldDef>,
): TLocalizedText | null {
  const parts = field.sumOf ?? [];
  if (!parts.some((p) => given(data[p]))) return null;
  const missing = parts.filter((p) => !given(data[p]));
  if (missing.length) {
    const names = missing.map((p) => fields.get(p)?.label ?? t(p, p));
    return t(
      `请为每个评分项打分：${names.map((n) => n['zh-CN']).join('、')}`,
      `Score every criterion: ${names.map((n) => n.en).join(', ')}`,
    );
  }
  const total = sum(parts.map((p) => data[p] as number));
  return data[field.name] === total
    ? null
    : t(
        `「${field.label['zh-CN']}」应为各评分项之和 ${total}`,
        `"${field.label.en}" must be the sum of its criteria, ${total}`,
      );
}

/**
 * Fills each total this step writes from its criteria when every criterion is given and the total is not,
 * so a caller (or the console) need not add them up; what it gives is still checked by `sumProblem`.
 */
export function withSums(
  def: TDefinition,
  state: string | null,
  incoming: Record<string, unknown>,
  current: Record<string, unknown>,
): Record<string, unknown> {
  const access = fieldAccess(def, state);
  const merged = { ...current, ...incoming };
  const out = { ...incoming };
  for (const field of allFields(def).values()) {
    const a = access[field.name];
    if (!field.sumOf || (a !== 'editable' && a !== 'required') || given(incoming[field.name])) continue;
    const values = field.sumOf.map((p) => merged[p]);
    if (values.every(given) && field.sumOf.some((p) => p in incoming)) out[field.name] = sum(values);
  }
  return out;
}
