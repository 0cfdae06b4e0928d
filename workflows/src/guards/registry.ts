import { type PartsByStep, partUsers } from '../actors.js';
import type { TGuardRef, TLocalizedText } from '../definition/schema.js';
import type { Facts, RuleReason } from '../engine-types.js';
import { t } from '../text.js';
import { z } from '../zod.js';

/** What a guard may look at: the instance's form data (merged with the event's), the API's facts and the collect steps' parts. */
export type GuardInput = { data: Record<string, unknown>; facts: Facts; collections?: PartsByStep };

type GuardSpec<P extends z.ZodType> = {
  label: TLocalizedText;
  params: P;
  /** Returns why the move is refused, or null when it may go ahead. */
  check: (params: z.infer<P>, input: GuardInput) => TLocalizedText | null;
  /** The form field a refusal is about, when there is one: the console shows the reason under it. */
  field?: (params: z.infer<P>) => string;
  /** For a guard over a list of named checks: each one that refused, by its own rule (else the guard is the one rule). */
  reasons?: (params: z.infer<P>, input: GuardInput) => RuleReason[];
};

const guard = <P extends z.ZodType>(spec: GuardSpec<P>) => spec;

type ItemResult = { result?: unknown } & Record<string, unknown>;
const items = (data: Record<string, unknown>, field: string): ItemResult[] =>
  Array.isArray(data[field]) ? (data[field] as ItemResult[]) : [];

const zField = z.object({ field: z.string().min(1).default('items') });

/**
 * The closed registry of named rules a definition may use. Each has a parameter schema the designer
 * renders as a form, and a check over data the API supplies — the engine never fetches anything.
 */
export const GUARDS = {
  fieldFilled: guard({
    label: t('字段已填写', 'Field is filled'),
    params: z.object({ field: z.string().min(1) }),
    check: ({ field }, { data }) =>
      data[field] === undefined || data[field] === null || data[field] === ''
        ? t(`请先填写「${field}」`, `"${field}" must be filled first`)
        : null,
  }),
  fieldEquals: guard({
    label: t('字段等于指定值', 'Field equals a value'),
    params: z.object({ field: z.string().min(1), value: z.union([z.string(), z.number(), z.boolean()]) }),
    check: ({ field, value }, { data }) =>
      data[field] === value ? null : t(`「${field}」须为 ${String(value)}`, `"${field}" must be ${String(value)}`),
  }),
  fieldCompare: guard({
    label: t('数值比较', 'Number comparison'),
    params: z.object({ field: z.string().min(1), op: z.enum(['gt', 'gte', 'lt', 'lte']), value: z.number() }),
    check: ({ field, op, value }, { data }) => {
      const v = data[field];
      const ok =
        typeof v === 'number' && ({ gt: v > value, gte: v >= value, lt: v < value, lte: v <= value } as const)[op];
      const sym = { gt: '>', gte: '≥', lt: '<', lte: '≤' }[op];
      return ok ? null : t(`「${field}」须 ${sym} ${value}`, `"${field}" must be ${sym} ${value}`);
    },
  }),
  allItemsAnswered: guard({
    label: t('所有检查项均已填写', 'Every checklist item answered'),
    params: zField,
    check: ({ field }, { data }) => {
      const list = items(data, field);
      const missing = list.filter((i) => !['pass', 'fail', 'na'].includes(String(i.result ?? ''))).length;
      if (list.length === 0) return t('检查清单为空', 'The checklist is empty');
      return missing ? t(`还有 ${missing} 个检查项未填写`, `${missing} checklist item(s) are not answered`) : null;
    },
  }),
  hasFailedItems: guard({
    label: t('存在不合格项', 'Has failed items'),
    params: zField,
    check: ({ field }, { data }) =>
      items(data, field).some((i) => i.result === 'fail')
        ? null
        : t('没有不合格项，无需整改', 'No item failed; nothing to rectify'),
  }),
  noFailedItems: guard({
    label: t('没有不合格项', 'No failed items'),
    params: zField,
    check: ({ field }, { data }) => {
      const failed = items(data, field).filter((i) => i.result === 'fail').length;
      return failed ? t(`有 ${failed} 个不合格项，不能直接通过`, `${failed} item(s) failed; cannot pass`) : null;
    },
  }),
  /**
   * A summary that says everything complies (自查说明 "均符合要求") while some item is marked non-compliant
   * is a contradiction the bureau would send back: refused, naming the items, so the author fixes one or the other.
   */
  summaryMatchesItems: guard({
    label: t('说明与检查项结论一致', 'The summary agrees with the items'),
    params: z.object({
      field: z.string().min(1).default('items'),
      summaryField: z.string().min(1).default('selfCheckNotes'),
      /** The result that marks an item non-compliant. */
      failValue: z.string().min(1).default('fail'),
      /** Phrases claiming that everything complies, separated by 、 , ， or ;. */
      claims: z.string().min(1).default('均符合要求、全部符合要求、均符合、全部符合、无不符合项'),
      /** Words that qualify the claim (除…外均符合, 其余均符合): then it no longer claims everything. */
      exceptions: z.string().default('除、其余、以外、之外'),
      /** Columns naming an item in the message (its code and title). */
      codeColumn: z.string().min(1).default('code'),
      titleColumn: z.string().min(1).default('title'),
    }),
    field: (p) => p.summaryField,
    check: (p, { data }) => {
      const summary = typeof data[p.summaryField] === 'string' ? (data[p.summaryField] as string) : '';
      const words = (list: string) =>
        list
          .split(/[、,，;；]/)
          .map((c) => c.trim())
          .filter(Boolean);
      const claim = words(p.claims).find((c) => summary.includes(c));
      if (!claim || words(p.exceptions).some((w) => summary.includes(w))) return null;
      const text = (v: unknown) => (typeof v === 'string' ? v : '');
      // An item the summary names (by code or title) is acknowledged, not contradicted.
      const failed = items(data, p.field)
        .map((item, i) => ({ item, i }))
        .filter(({ item }) => item.result === p.failValue)
        .filter(
          ({ item }) =>
            ![text(item[p.codeColumn]), text(item[p.titleColumn])].some((name) => name && summary.includes(name)),
        );
      if (failed.length === 0) return null;
      const named = failed.map(
        ({ item, i }) => [text(item[p.codeColumn]), text(item[p.titleColumn])].filter(Boolean).join(' ') || `#${i + 1}`,
      );
      return t(
        `说明写有“${claim}”，但以下 ${failed.length} 项标为不符合：${named.join('、')}。请修改说明，或核对这些检查项的结论。`,
        `The summary says "${claim}" (all compliant), but ${failed.length} item(s) are marked non-compliant: ${named.join(', ')}. Correct the summary or those items.`,
      );
    },
  }),
  /** e.g. a school's social-affair activities this semester, counted by the API, under the cap. */
  withinCap: guard({
    label: t('未超过上限', 'Within the cap'),
    params: z.object({
      fact: z.string().min(1),
      cap: z.number().int().nonnegative(),
      /** A fact holding this subject's own cap (a school's quota from the rubric); `cap` is the fallback. */
      capFact: z.string().min(1).optional(),
    }),
    check: ({ fact, cap: fallback, capFact }, { facts }) => {
      const own = capFact ? facts[capFact] : undefined;
      const cap = typeof own === 'number' && Number.isFinite(own) ? own : fallback;
      const used = Number(facts[fact] ?? 0);
      return used < cap ? null : t(`已达上限（${used}/${cap}）`, `The cap is reached (${used}/${cap})`);
    },
  }),
  /** The API ran a list of named checks (e.g. the campus-entry whitelist rules) and lists what refused. */
  noRefusals: guard({
    label: t('自动校验全部通过', 'Every automatic check passes'),
    params: z.object({ fact: z.string().min(1) }),
    check: ({ fact }, { facts }) => {
      const list = Array.isArray(facts[fact]) ? (facts[fact] as Array<{ message?: TLocalizedText }>) : [];
      if (list.length === 0) return null;
      const zh = list
        .map((r) => r.message?.['zh-CN'])
        .filter(Boolean)
        .join('；');
      const en = list
        .map((r) => r.message?.en)
        .filter(Boolean)
        .join('; ');
      return t(zh || '未通过自动校验', en || 'An automatic check failed');
    },
    reasons: ({ fact }, { facts }) =>
      (Array.isArray(facts[fact]) ? (facts[fact] as Array<Partial<RuleReason>>) : []).flatMap((r) =>
        r && typeof r.rule === 'string' && r.message
          ? [
              {
                rule: r.rule,
                message: r.message,
                ...(r.label ? { label: r.label } : {}),
                ...(typeof r.schoolId === 'string' ? { schoolId: r.schoolId } : {}),
              },
            ]
          : [],
      ),
  }),
  /** e.g. at least one target school confirmed the activity (学校确认), else it is not held. */
  partsMatch: guard({
    label: t('分头填报结果满足条件', 'Enough parts say so'),
    params: z.object({
      step: z.string().min(1),
      field: z.string().min(1),
      equals: z.union([z.string(), z.number(), z.boolean()]),
      min: z.number().int().min(1).default(1),
    }),
    check: ({ step, field, equals, min }, { collections }) => {
      const n = partUsers({ step, where: { field, equals } }, collections).length;
      return n >= min
        ? null
        : t(
            `「${field}」为 ${String(equals)} 的填报不足 ${min} 份（现 ${n} 份）`,
            `Fewer than ${min} part(s) say ${field} = ${String(equals)} (${n})`,
          );
    },
  }),
  /** e.g. an expert from the submitting school (回避): the API sets the fact when a conflict exists. */
  notConflicted: guard({
    label: t('无回避冲突', 'No conflict of interest'),
    params: z.object({ fact: z.string().min(1).default('conflicted') }),
    check: ({ fact }, { facts }) =>
      facts[fact] ? t('存在回避关系，不能办理', 'A conflict of interest forbids this') : null,
  }),
} as const;

export type GuardName = keyof typeof GUARDS;

export const isGuardName = (name: string): name is GuardName => Object.hasOwn(GUARDS, name);

/** The form field a guard's refusal belongs to, if it says (shown under that field). */
export function guardField(name: string, params: unknown): string | undefined {
  if (!isGuardName(name)) return undefined;
  const spec = GUARDS[name] as GuardSpec<z.ZodType>;
  const parsed = spec.params.safeParse(params ?? {});
  return parsed.success ? spec.field?.(parsed.data) : undefined;
}

/** Evaluates one named guard; unknown names and bad parameters refuse (definitions are validated earlier). */
export function runGuard(name: string, params: unknown, input: GuardInput): TLocalizedText | null {
  if (!isGuardName(name)) return t(`未知规则「${name}」`, `Unknown rule "${name}"`);
  const spec = GUARDS[name] as GuardSpec<z.ZodType>;
  const parsed = spec.params.safeParse(params ?? {});
  if (!parsed.success) return t(`规则「${name}」参数无效`, `Rule "${name}" has invalid parameters`);
  return spec.check(parsed.data, input);
}

/**
 * Each rule behind a refusing guard, as the requester reads it: a rule set's own checks one by one (each
 * with its rule and message), else the guard itself, worded by the definition's `message` when it has one.
 * Empty when the guard passes.
 */
export function guardReasons(ref: TGuardRef, input: GuardInput): RuleReason[] {
  const why = runGuard(ref.name, ref.params, input);
  if (!why) return [];
  const spec = isGuardName(ref.name) ? (GUARDS[ref.name] as GuardSpec<z.ZodType>) : null;
  const parsed = spec?.params.safeParse(ref.params ?? {});
  const listed = spec?.reasons && parsed?.success ? spec.reasons(parsed.data, input) : [];
  if (listed.length) return listed;
  return [{ rule: ref.name, label: spec?.label, message: ref.message ?? why }].map(({ label, ...r }) =>
    label ? { ...r, label } : r,
  );
}
