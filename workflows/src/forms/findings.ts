import type { TDefinition, TFieldDef, TFindingsConfig, TLocalizedText, TSeverity } from '../definition/schema.js';
import { t } from '../text.js';
import { allFields } from './field-access.js';

/** One finding as the inspector raises it: the failed checklist row's code, and what the inspector set. */
export type RaisedRow = {
  code: string;
  severity: TSeverity;
  /** Rectification time in school working days (pre-filled from the severity). */
  workdays: number;
  offline?: boolean;
  /** 线下整改通知书编号: the number of the paper notice handed to the school. */
  noticeNo?: string;
  note?: string;
};
/** The school's reply to one finding. */
export type RectifyRow = { code: string; note: string };
/** The inspector's verdict on one handed-in finding. */
export type VerdictRow = { code: string; verdict: 'accepted' | 'returned'; note?: string };

type Raise = Extract<TFindingsConfig, { mode: 'raise' }>;
type Row = Record<string, unknown>;

/** Keys each mode's rows may carry: anything else is refused, so a step cannot smuggle in another step's part. */
const KEYS: Record<TFindingsConfig['mode'], string[]> = {
  raise: ['code', 'severity', 'workdays', 'offline', 'noticeNo', 'note'],
  rectify: ['code', 'note'],
  verify: ['code', 'verdict', 'note'],
};
const LIMITS = { noticeNo: 60, note: 2000 };

/** The raise-mode field a rectify or verify field answers (or the field itself when it raises). */
export function raiseConfigOf(def: TDefinition, field: TFieldDef): (Raise & { field: string }) | null {
  const cfg = field.findings;
  if (!cfg) return null;
  if (cfg.mode === 'raise') return { ...cfg, field: field.name };
  const source = allFields(def).get(cfg.of)?.findings;
  return source?.mode === 'raise' ? { ...source, field: cfg.of } : null;
}

/** The severity rule a raise field declares for this value (its deadline, whether it may order an offline). */
export const severityRule = (cfg: Raise, severity: unknown) => cfg.severities.find((s) => s.value === severity);

const rowsOf = (v: unknown): Row[] =>
  Array.isArray(v) ? v.filter((r): r is Row => typeof r === 'object' && r !== null && !Array.isArray(r)) : [];

/**
 * Checks one findings value as its mode says: rows keyed by a unique item code, only the keys that mode
 * writes, severities the definition declares, an offline order only where the severity allows it, a
 * reason for every returned finding. Which items may have findings is the findings ledger's business
 * (it knows which are failed and which still open).
 */
export function checkFindingsValue(field: TFieldDef, value: unknown): TLocalizedText | null {
  const label = field.label;
  const cfg = field.findings;
  if (!cfg) return null;
  if (!Array.isArray(value) || rowsOf(value).length !== value.length)
    return t(`「${label['zh-CN']}」应为逐项问题列表`, `"${label.en}" must be a list of findings`);
  const seen = new Set<string>();
  for (const row of rowsOf(value)) {
    const code = row.code;
    if (typeof code !== 'string' || !code)
      return t(`「${label['zh-CN']}」的每一项须注明检查项编号`, `Every entry of "${label.en}" needs its item code`);
    if (seen.has(code)) return t(`检查项 ${code} 重复登记`, `Item ${code} is listed twice`);
    seen.add(code);
    const extra = Object.keys(row).find((k) => !KEYS[cfg.mode].includes(k));
    if (extra) return t(`${code}：此环节不能填写「${extra}」`, `${code}: "${extra}" cannot be written at this step`);
    for (const [key, max] of Object.entries(LIMITS)) {
      const v = row[key];
      if (v === undefined || v === null) continue;
      if (typeof v !== 'string') return t(`${code}：「${key}」应为文本`, `${code}: "${key}" must be text`);
      if ([...v].length > max) return t(`${code}：内容不能超过 ${max} 个字`, `${code}: at most ${max} characters`);
    }
    const problem =
      cfg.mode === 'raise' ? raiseRowProblem(cfg, code, row) : cfg.mode === 'verify' ? verdictProblem(code, row) : null;
    if (problem) return problem;
  }
  return null;
}

function raiseRowProblem(cfg: Raise, code: string, row: Row): TLocalizedText | null {
  const rule = severityRule(cfg, row.severity);
  if (!rule) return t(`${code}：请选择风险等级`, `${code}: choose a severity`);
  const days = row.workdays;
  if (typeof days !== 'number' || !Number.isInteger(days) || days < 1 || days > 120)
    return t(`${code}：办理时限应为 1–120 个工作日`, `${code}: the deadline must be 1–120 working days`);
  if (row.offline !== undefined && typeof row.offline !== 'boolean')
    return t(`${code}：责令下线应为是或否`, `${code}: the offline order must be yes or no`);
  if (row.offline === true && !rule.offline)
    return t(
      `${code}：「${rule.label['zh-CN']}」问题不能责令下线`,
      `${code}: a "${rule.label.en}" finding cannot order the system offline`,
    );
  return null;
}

function verdictProblem(code: string, row: Row): TLocalizedText | null {
  if (row.verdict !== 'accepted' && row.verdict !== 'returned')
    return t(`${code}：请选择复核结论（通过或退回）`, `${code}: choose a verdict (accept or return)`);
  if (row.verdict === 'returned' && (typeof row.note !== 'string' || !row.note.trim()))
    return t(`${code}：退回须说明原因`, `${code}: say why it is returned`);
  return null;
}

/** Parsed rows of a findings value, malformed ones skipped (the engine validated what was written). */
export const raisedRows = (v: unknown): RaisedRow[] => rowsOf(v) as unknown as RaisedRow[];
export const rectifyRows = (v: unknown): RectifyRow[] =>
  rowsOf(v).filter((r) => typeof r.code === 'string') as unknown as RectifyRow[];
export const verdictRows = (v: unknown): VerdictRow[] =>
  rowsOf(v).filter((r) => r.verdict === 'accepted' || r.verdict === 'returned') as unknown as VerdictRow[];

/**
 * What the definition cannot say wrongly about findings fields and summed scores: a `findings` field
 * carries its mode, a raise field's checklist is a table with `code` and `result` columns, a rectify or
 * verify field answers a raise field, and a score sums score fields.
 */
export function findingsFieldProblems(def: TDefinition): Array<{ field: string; message: TLocalizedText }> {
  const fields = allFields(def);
  const out: Array<{ field: string; message: TLocalizedText }> = [];
  for (const f of fields.values()) {
    const problem = fieldProblem(f, fields);
    if (problem) out.push({ field: f.name, message: problem });
  }
  return out;
}

function fieldProblem(f: TFieldDef, fields: Map<string, TFieldDef>): TLocalizedText | null {
  const name = f.label['zh-CN'];
  if (f.type === 'findings' && !f.findings)
    return t(`逐项问题字段「${name}」须说明用途（登记、整改或复核）`, `Findings field "${f.label.en}" needs its mode`);
  if (f.type !== 'findings' && f.findings)
    return t(
      `只有逐项问题字段可以设置问题用途（「${name}」）`,
      `Only a findings field has a findings mode ("${f.label.en}")`,
    );
  if (f.sumOf) {
    if (f.type !== 'score')
      return t(`只有评分字段可以合计分项（「${name}」）`, `Only a score sums criteria ("${f.label.en}")`);
    const bad = f.sumOf.find((n) => !['score', 'number'].includes(fields.get(n)?.type ?? '') || n === f.name);
    if (bad)
      return t(
        `「${name}」的分项「${bad}」须为评分或数值字段`,
        `Criterion "${bad}" of "${f.label.en}" must be a score field`,
      );
  }
  const cfg = f.findings;
  if (!cfg) return null;
  if (cfg.mode === 'raise') {
    const items = fields.get(cfg.itemsField);
    const cols = new Set((items?.columns ?? []).map((c) => c.name));
    if (items?.type !== 'table' || !cols.has('code') || !cols.has('result'))
      return t(
        `「${name}」须指向含「code」「result」列的检查表格（${cfg.itemsField}）`,
        `"${f.label.en}" must name a checklist table with code and result columns (${cfg.itemsField})`,
      );
    const values = cfg.severities.map((s) => s.value);
    if (new Set(values).size !== values.length)
      return t(`「${name}」的风险等级重复`, `"${f.label.en}" lists a severity twice`);
    return null;
  }
  if (fields.get(cfg.of)?.findings?.mode !== 'raise')
    return t(`「${name}」须指向登记问题的字段（${cfg.of}）`, `"${f.label.en}" must answer a raise field (${cfg.of})`);
  return null;
}
