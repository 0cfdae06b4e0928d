import { z } from '@hono/zod-openapi';

import { zIndicatorSystem, zWhitelist } from '../../engine.js';
import { ZDraftReview, ZPageQuery } from '../common.js';

export const REFERENCE_KINDS = ['indicator-system', 'whitelist', 'checklist', 'award-rubric'] as const;
export const ZReferenceKind = z.enum(REFERENCE_KINDS);
export type TReferenceKind = z.infer<typeof ZReferenceKind>;

/**
 * Marks every row whose code an earlier row already uses, on that row's own field, so the console
 * can put the message on the very cell (`content.items.3.code`) rather than on the whole list.
 */
function flagRepeatedCodes(
  rows: ReadonlyArray<Record<string, unknown>>,
  field: string,
  ctx: z.RefinementCtx,
  prefix: Array<string | number> = [],
) {
  const seen = new Set<unknown>();
  rows.forEach((row, i) => {
    if (seen.has(row[field]))
      ctx.addIssue({ code: 'custom', path: [...prefix, i, field], message: 'code is already used by another item' });
    seen.add(row[field]);
  });
}

/** The six classic layers of 等级保护 checklists. */
export const LAYERS = ['物理安全', '网络安全', '主机安全', '应用安全', '数据安全', '安全管理'] as const;

export const ZChecklist = z.object({
  key: z.string().min(1).max(60),
  items: z
    .array(
      z.object({
        code: z.string().min(1).max(20),
        layer: z.enum(LAYERS),
        title: z.string().min(1).max(120),
        guidance: z.string().max(500).default(''),
        evidence: z.string().max(200).default(''),
        /** A failed item must carry its own evidence (a photo from the tablet) before findings are raised. */
        evidenceRequired: z.boolean().default(false),
      }),
    )
    .min(1)
    .max(200)
    .superRefine((items, ctx) => flagRepeatedCodes(items, 'code', ctx)),
});
export type TChecklist = z.infer<typeof ZChecklist>;

/** 减负清单: the non-teaching demands the bureau forbids or limits (12 items in the demo district). */
export const ZBurdenItem = z.object({
  code: z.string().min(1).max(20),
  name: z.string().min(1).max(80),
  rule: z.string().max(300).default(''),
});
/** Emergency additions the education work leading group approved, registered by the bureau (document number per item). */
const ZEmergencyApproval = z.object({
  no: z.string().min(1).max(60),
  itemCode: z.string().min(1),
  approvedOn: z.iso.date(),
});
export const ZWhitelistDoc = zWhitelist
  .extend({
    burdenList: z.array(ZBurdenItem).max(50).default([]),
    emergencyApprovals: z.array(ZEmergencyApproval).max(100).default([]),
  })
  .superRefine((doc, ctx) => {
    flagRepeatedCodes(doc.items, 'code', ctx, ['items']);
    flagRepeatedCodes(doc.burdenList, 'code', ctx, ['burdenList']);
    doc.items.forEach((item, i) => {
      if (item.window.from > item.window.to)
        ctx.addIssue({
          code: 'custom',
          path: ['items', i, 'window', 'to'],
          message: 'window must start on or before its end',
        });
    });
    const codes = new Set(doc.items.map((i) => i.code));
    doc.emergencyApprovals.forEach((a, i) => {
      if (!codes.has(a.itemCode))
        ctx.addIssue({
          code: 'custom',
          path: ['emergencyApprovals', i, 'itemCode'],
          message: 'no whitelist item has this code',
        });
    });
  });
export type TWhitelistDoc = z.infer<typeof ZWhitelistDoc>;

const ZLevelQuota = z.object({ level: z.enum(['special', 'first', 'second']), count: z.number().int().nonnegative() });
export const ZAwardRubric = z.object({
  year: z.number().int().min(2000).max(2100),
  criteria: z
    .array(z.object({ key: z.string().min(1), name: z.string().min(1), maxScore: z.number().positive() }))
    .min(1)
    .superRefine((rows, ctx) => flagRepeatedCodes(rows, 'key', ctx)),
  /** Submissions a school may recommend per year (the RECOMMEND guard's cap). */
  schoolQuota: z.number().int().positive().default(3),
  expertsPerSubmission: z.number().int().min(3).default(3),
  outlierThreshold: z.number().positive().default(15),
  quotas: z.object({ achievement: z.array(ZLevelQuota), course: z.array(ZLevelQuota) }),
});
export type TAwardRubric = z.infer<typeof ZAwardRubric>;

export const CONTENT_SCHEMAS = {
  'indicator-system': zIndicatorSystem,
  whitelist: ZWhitelistDoc,
  checklist: ZChecklist,
  'award-rubric': ZAwardRubric,
} as const;

/** The contract's path segments (plural) → the stored kind. */
export const KIND_OF_PATH = {
  'indicator-systems': 'indicator-system',
  whitelists: 'whitelist',
  checklists: 'checklist',
  'award-rubrics': 'award-rubric',
} as const satisfies Record<string, TReferenceKind>;
const ZKindPath = z.enum(['indicator-systems', 'whitelists', 'checklists', 'award-rubrics']);
export const ZKindParam = z.object({ kind: ZKindPath.openapi({ param: { name: 'kind', in: 'path' } }) });
export const ZKindIdParam = ZKindParam.extend({
  id: z
    .string()
    .min(1)
    .max(100)
    .openapi({ param: { name: 'id', in: 'path' } }),
});
export const ZReferenceQuery = ZPageQuery.extend({
  status: z.enum(['draft', 'published']).optional(),
  key: z.string().max(60).optional(),
});
export type TReferenceQuery = z.infer<typeof ZReferenceQuery>;
export const ZCreateReferenceBody = z.object({
  name: z.string().min(1).max(120),
  content: z.record(z.string(), z.unknown()),
  /** The version the editor started from: when someone has since added a newer version of that key, the save is refused (409) rather than silently forking. */
  basedOn: z.string().min(1).max(100).optional(),
});
export type TCreateReferenceBody = z.infer<typeof ZCreateReferenceBody>;

const ZReferenceVersion = z.object({
  id: z.string(),
  key: z.string(),
  version: z.number().int(),
  status: z.enum(['draft', 'published']),
  name: z.string(),
  createdAt: z.string(),
  publishedAt: z.string().nullable(),
  ...ZDraftReview,
});
/** A version of reference data; its `content` is the kind's document (the console's types are generated from this). */
export const ZReference = z
  .discriminatedUnion('kind', [
    ZReferenceVersion.extend({ kind: z.literal('indicator-system'), content: CONTENT_SCHEMAS['indicator-system'] }),
    ZReferenceVersion.extend({ kind: z.literal('whitelist'), content: CONTENT_SCHEMAS.whitelist }),
    ZReferenceVersion.extend({ kind: z.literal('checklist'), content: CONTENT_SCHEMAS.checklist }),
    ZReferenceVersion.extend({ kind: z.literal('award-rubric'), content: CONTENT_SCHEMAS['award-rubric'] }),
  ])
  .openapi('ReferenceData');
export type TReference = z.infer<typeof ZReference>;
export const ZReferenceList = z.object({ items: z.array(ZReference), nextCursor: z.string().nullable() });
