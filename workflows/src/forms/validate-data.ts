import type { TDefinition, TFieldDef, TLocalizedText } from '../definition/schema.js';
import { t } from '../text.js';
import { allFields, fieldAccess } from './field-access.js';
import { checkFindingsValue } from './findings.js';
import { sumProblem } from './sums.js';

export type FieldErrors = Record<string, TLocalizedText>;

const isBlank = (v: unknown) =>
  v === undefined || v === null || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);

/** Rows of a table whose read-only columns must stay as they were: same rows, same cells. */
function changedReadonlyCells(
  field: TFieldDef,
  rows: Array<Record<string, unknown>>,
  current: unknown,
): TLocalizedText | null {
  const fixed = (field.columns ?? []).filter((c) => c.readonly);
  if (fixed.length === 0 || !Array.isArray(current) || current.length === 0) return null;
  const before = current as Array<Record<string, unknown>>;
  const label = field.label;
  if (rows.length !== before.length)
    return t(`「${label['zh-CN']}」的行不能增删`, `Rows of "${label.en}" cannot be added or removed`);
  for (let i = 0; i < rows.length; i++)
    for (const c of fixed)
      if (JSON.stringify(rows[i][c.name] ?? null) !== JSON.stringify(before[i]?.[c.name] ?? null))
        return t(
          `「${label['zh-CN']}」第 ${i + 1} 行的「${c.label['zh-CN']}」不能修改`,
          `"${c.label.en}" in row ${i + 1} of "${label.en}" cannot be changed`,
        );
  return null;
}

function checkValue(field: TFieldDef, value: unknown, current: unknown): TLocalizedText | null {
  const label = field.label;
  switch (field.type) {
    case 'text':
    case 'textarea': {
      if (typeof value !== 'string') return t(`「${label['zh-CN']}」应为文本`, `"${label.en}" must be text`);
      if (field.maxLength && [...value].length > field.maxLength)
        return t(
          `「${label['zh-CN']}」不能超过 ${field.maxLength} 个字`,
          `"${label.en}" must be at most ${field.maxLength} characters`,
        );
      if (field.pattern && !new RegExp(field.pattern).test(value))
        return t(`「${label['zh-CN']}」格式不正确`, `"${label.en}" has the wrong format`);
      return null;
    }
    case 'number':
    case 'score': {
      if (typeof value !== 'number' || !Number.isFinite(value))
        return t(`「${label['zh-CN']}」应为数字`, `"${label.en}" must be a number`);
      if (field.min !== undefined && value < field.min)
        return t(`「${label['zh-CN']}」不能小于 ${field.min}`, `"${label.en}" must be at least ${field.min}`);
      if (field.max !== undefined && value > field.max)
        return t(`「${label['zh-CN']}」不能大于 ${field.max}`, `"${label.en}" must be at most ${field.max}`);
      return null;
    }
    case 'date':
      return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value) && !Number.isNaN(Date.parse(value))
        ? null
        : t(`「${label['zh-CN']}」应为日期（YYYY-MM-DD）`, `"${label.en}" must be a date (YYYY-MM-DD)`);
    case 'boolean':
      return typeof value === 'boolean'
        ? null
        : t(`「${label['zh-CN']}」应为是或否`, `"${label.en}" must be yes or no`);
    case 'select': {
      const ok = typeof value === 'string' && (!field.options || field.options.some((o) => o.value === value));
      return ok ? null : t(`「${label['zh-CN']}」的选项无效`, `"${label.en}" has an invalid choice`);
    }
    case 'multiselect': {
      const ok =
        Array.isArray(value) &&
        value.every((v) => typeof v === 'string' && (!field.options || field.options.some((o) => o.value === v)));
      return ok ? null : t(`「${label['zh-CN']}」的选项无效`, `"${label.en}" has an invalid choice`);
    }
    case 'file':
      return (typeof value === 'string' && value.length > 0) ||
        (Array.isArray(value) && value.every((v) => typeof v === 'string'))
        ? null
        : t(`「${label['zh-CN']}」应为已上传的附件`, `"${label.en}" must reference uploaded files`);
    case 'table':
      if (!Array.isArray(value) || !value.every((r) => typeof r === 'object' && r !== null && !Array.isArray(r)))
        return t(`「${label['zh-CN']}」应为若干行`, `"${label.en}" must be a list of rows`);
      if (field.max !== undefined && value.length > field.max)
        return t(`「${label['zh-CN']}」最多 ${field.max} 行`, `"${label.en}" takes at most ${field.max} rows`);
      return changedReadonlyCells(field, value as Array<Record<string, unknown>>, current);
    case 'findings':
      return checkFindingsValue(field, value);
  }
}

/**
 * Checks what a step sends: only fields this step may edit, each of the right type, and every field
 * the step requires (or the transition `requires`) present in the merged data.
 */
export function validateStepData(
  def: TDefinition,
  state: string | null,
  incoming: Record<string, unknown>,
  current: Record<string, unknown>,
  requires: string[] = [],
  /** false for moves that send work back, and for a collector's moves: the step's own required fields are not due. */
  enforceRequired = true,
): { ok: true; merged: Record<string, unknown> } | { ok: false; fieldErrors: FieldErrors } {
  const fields = allFields(def);
  const access = fieldAccess(def, state);
  const errors: FieldErrors = {};
  for (const [name, value] of Object.entries(incoming)) {
    const field = fields.get(name);
    if (!field) {
      errors[name] = t(`没有名为「${name}」的字段`, `There is no field named "${name}"`);
      continue;
    }
    if (access[name] !== 'editable' && access[name] !== 'required') {
      errors[name] = t(
        `「${field.label['zh-CN']}」在此步骤不可修改`,
        `"${field.label.en}" cannot be changed at this step`,
      );
      continue;
    }
    if (isBlank(value)) continue;
    const problem = checkValue(field, value, current[name]);
    if (problem) errors[name] = problem;
  }
  const merged = { ...current, ...incoming };
  const stepRequired = enforceRequired
    ? Object.entries(access)
        .filter(([, a]) => a === 'required')
        .map(([n]) => n)
    : [];
  // A field required only when another says so (a reason when declining), among those this step may write.
  const conditional = enforceRequired
    ? Object.entries(access)
        .filter(([n, a]) => (a === 'editable' || a === 'required') && fields.get(n)?.requiredWhen)
        .filter(([n]) => merged[fields.get(n)!.requiredWhen!.field] === fields.get(n)!.requiredWhen!.equals)
        .map(([n]) => n)
    : [];
  // A total and its criteria (a rubric) must agree, among the fields this step may write.
  for (const [name, a] of Object.entries(access)) {
    const field = fields.get(name);
    if (errors[name] || !field?.sumOf || (a !== 'editable' && a !== 'required')) continue;
    const problem = sumProblem(field, merged, fields);
    if (problem) errors[name] = problem;
  }
  const needed = new Set([...requires, ...stepRequired, ...conditional]);
  for (const name of needed) {
    if (errors[name] || !isBlank(merged[name])) continue;
    const label = fields.get(name)?.label ?? t(name, name);
    errors[name] = t(`请填写「${label['zh-CN']}」`, `"${label.en}" is required`);
  }
  return Object.keys(errors).length ? { ok: false, fieldErrors: errors } : { ok: true, merged };
}
