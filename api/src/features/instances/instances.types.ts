import { z } from '@hono/zod-openapi';

import { BLOCK_NAMES, type BlockName, FIELD_ACCESS, ROLES } from '../../engine.js';
import { ZSortQuery } from '../../lib/sorted-keyset.js';
import { ZAttachment } from '../attachments/attachments.types.js';
import { ZAuditEvent } from '../audit/audit.types.js';
import { page, ZIsoDate, ZLocalized, ZPageQuery } from '../common.js';

const ZData = z.record(z.string(), z.unknown());

export const ZStartInstanceBody = z
  .object({
    definitionId: z.string().min(1),
    subjectOrgId: z.string().min(1),
    data: ZData.optional(),
    /** Who is assigned per role (e.g. the inspector of this school); states with scope `assigned` route to them. */
    assignments: z.partialRecord(z.enum(ROLES), z.array(z.string().min(1)).max(50)).optional(),
  })
  .openapi('StartInstanceBody');
export type TStartInstanceBody = z.infer<typeof ZStartInstanceBody>;

export const ZFireEventBody = z
  .object({
    type: z.string().regex(/^[A-Z][A-Z0-9_]*$/, 'UPPER_SNAKE_CASE'),
    data: ZData.optional(),
    comment: z.string().trim().max(2000).optional(),
    expectedVersion: z.number().int().positive(),
  })
  .openapi('FireEventBody');
export type TFireEventBody = z.infer<typeof ZFireEventBody>;

export const ZIdempotencyHeader = z.object({
  'idempotency-key': z
    .string()
    .min(1)
    .max(200)
    .optional()
    .openapi({
      param: { name: 'idempotency-key', in: 'header' },
      description: 'Idempotency-Key: a replay with the same key returns the stored answer',
    }),
});

export const ZInstanceListQuery = ZPageQuery.extend({
  ...ZSortQuery.shape,
  definitionKey: z.string().optional(),
  /** Instances of every workflow that declares this block (e.g. `findingsLedger`: all inspections, copies included). */
  block: z.enum(BLOCK_NAMES as [BlockName, ...BlockName[]]).optional(),
  state: z.string().optional(),
  status: z.enum(['running', 'completed']).optional(),
  /** Instances about this organisation or anything under it (a group's schools, a district's everything). */
  orgId: z.string().optional(),
  /** '1': running and past its earliest open deadline (the row's `overdue`); a 公示 is never overdue. */
  overdue: z.enum(['1']).optional(),
  /** '1': resting in a 公示 (a `notice` step) now; `dueAt` is when it ends. */
  notice: z.enum(['1']).optional(),
  /** Created on or after (a date means from its first instant, UTC). */
  from: z.union([z.iso.date(), ZIsoDate]).optional(),
  /** Created on or before (a date means through its last instant, UTC). */
  to: z.union([z.iso.date(), ZIsoDate]).optional(),
  /** '1': only what the caller started (a teacher's 我的申报, a department's requests), off (created_by, updated_at). */
  mine: z.enum(['1']).optional(),
  /**
   * Words of the title (the activity, the round, the cycle). Tested on the rows the caller's scope already
   * walks: a reader of the whole district names a school or group (`orgId`) or `mine=1` first.
   */
  q: z.string().trim().min(1).max(60).optional(),
});
export type TInstanceListQuery = z.infer<typeof ZInstanceListQuery>;

export const ZAvailableEvent = z
  .object({
    type: z.string(),
    label: ZLocalized,
    to: z.string(),
    commentRequired: z.boolean(),
    requires: z.array(z.string()),
    mechanic: z
      .boolean()
      .optional()
      .openapi({ description: "true for the engine's approval mechanics (SAVE, TRANSFER, DELEGATE, ADD_SIGNER…)" }),
    /** For approval mechanics (转办/委派/加签/退回): what the console must ask for. */
    input: z
      .string()
      .optional()
      .openapi({ description: "the engine's input kind: user | users | signer | step | part …" }),
    choices: z.array(z.object({ state: z.string(), name: ZLocalized })).optional(),
    blockedBy: z.object({ rule: z.string(), message: ZLocalized }).optional(),
    /** For RETURN_PART: the participants whose submitted part may be returned (see the view's `parts` for who they are). */
    users: z.array(z.string()).optional(),
    /** Fields the action's dialog also offers, filled from the draft, not required (the definition's `asks`). */
    asks: z.array(z.string()).optional(),
    /** The domain blocks this action runs (e.g. `mergeRequests`, which the console offers its own screen for). */
    blocks: z.array(z.string()).optional(),
  })
  .openapi('AvailableEvent');

/** One rule an automatic step found not met, with why (zh-CN/en), as the definition declares it. */
export const ZRuleReason = z
  .object({
    rule: z.string(),
    label: ZLocalized.optional(),
    message: ZLocalized,
    /** The school the rule refused for, when it is one school's (a cap). */
    schoolId: z.string().optional(),
  })
  .openapi('RuleReason');

/** Why the instance rests where an automatic step sent it (未通过): the step and each rule that refused. */
export const ZRefusal = z
  .object({ state: z.string(), stateName: ZLocalized, reasons: z.array(ZRuleReason) })
  .nullable()
  .openapi('Refusal');

/** 预检: what the start's automatic checks would say, without filing. */
export const ZPrecheckResult = z
  .object({
    /** True when every automatic rule holds: the request would go on to a person. */
    passes: z.boolean(),
    reasons: z.array(ZRuleReason),
    /** The automatic steps that ran. */
    checked: z.array(z.object({ state: z.string(), name: ZLocalized })),
    /** Where the request would rest after filing. */
    next: z.object({ state: z.string(), name: ZLocalized }),
  })
  .openapi('PrecheckResult');
export type TPrecheckResult = z.infer<typeof ZPrecheckResult>;

/** A block the instance's definition declares, where, with its parameters (defaults applied). */
export const ZDeclaredBlock = z
  .object({
    name: z.string(),
    at: z.enum(['start', 'step', 'action']),
    state: z.string().optional(),
    event: z.string().optional(),
    params: z.record(z.string(), z.unknown()),
  })
  .openapi('DeclaredBlock');

export const ZInstanceListItem = z
  .object({
    id: z.string(),
    definitionKey: z.string(),
    definitionName: ZLocalized,
    definitionVersion: z.number().int(),
    version: z.number().int(),
    /** What it is called: the title its definition declares (活动名称, 检查批次, 考核年度), else the workflow's name. */
    title: ZLocalized,
    subjectOrgId: z.string(),
    subjectName: z.string(),
    /** Who filed it: the school or group it is about, or the department or school that filed a district-wide request. */
    requesterName: z.string(),
    state: z.string(),
    stateName: ZLocalized,
    status: z.enum(['running', 'completed']),
    outcome: z.string().nullable(),
    updatedAt: z.string(),
    createdAt: z.string(),
    /** Earliest deadline among its open tasks, or in a 公示 the notice's end; null when nothing waits. */
    dueAt: z.string().nullable(),
    /** What `dueAt` is: a task's deadline (办理时限) or a notice's end (公示截止); null without one. */
    dueKind: z.enum(['task', 'notice']).nullable(),
    /** Running and past a task's deadline, by the server's clock (the same test the inbox uses); never for a notice. */
    overdue: z.boolean(),
  })
  .openapi('InstanceListItem');
export type TInstanceListItem = z.infer<typeof ZInstanceListItem>;
export const ZInstancePage = page(ZInstanceListItem);

/** What an id in the data stands for; `name` is null when the viewer may not read that person or instance. */
export const ZDataRef = z
  .object({ kind: z.enum(['organisation', 'user', 'instance']), name: z.string().nullable() })
  .openapi('DataRef');
export type TDataRef = z.infer<typeof ZDataRef>;
export const ZInstanceAssignment = z.object({
  role: z.string(),
  userIds: z.array(z.string()),
  /** How many more hold the role whom the viewer may not know by name (a sealed expert review): a count, not ids. */
  anonymous: z.number().int().positive().optional(),
});
export type TInstanceAssignment = z.infer<typeof ZInstanceAssignment>;

/** One participant's part of a collect step (a member school's self-assessment), as the viewer may see it. */
export const ZPart = z
  .object({
    userId: z.string(),
    person: z.string().openapi({ description: 'who submits it (the principal)' }),
    orgId: z.string().nullable(),
    orgName: z.string().nullable().openapi({ description: 'the organisation the part is for (the member school)' }),
    status: z.enum(['pending', 'submitted', 'returned']),
    submittedAt: z.string().nullable(),
    returns: z.number().int().openapi({ description: 'how many times it was returned' }),
    returnReason: z.string().nullable().openapi({ description: "while returned: the collector's reason" }),
    data: ZData,
    files: z.array(ZAttachment).openapi({ description: "files its author attached to the step's fields (evidence)" }),
  })
  .openapi('Part');
export const ZPartStep = z
  .object({
    step: z.string(),
    stepName: ZLocalized,
    current: z.boolean(),
    scope: z
      .enum(['all', 'own'])
      .openapi({ description: 'all: a collector or overseer sees every part; own: a participant sees theirs' }),
    rows: z
      .object({ field: z.string(), rows: z.array(z.record(z.string(), z.unknown())) })
      .nullable()
      .openapi({
        description:
          "the rows the step's parts start from (an indicator system's keys and names), to name the parts' rows",
      }),
    parts: z.array(ZPart),
  })
  .openapi('PartStep');
export type TPartStep = z.infer<typeof ZPartStep>;
/** The viewer's own part of a collect step (an expert's scores), as it stands: theirs only, never another's. */
export const ZOwnPart = z
  .object({
    step: z.string(),
    stepName: ZLocalized,
    status: z.enum(['submitted', 'returned']),
    submittedAt: z.string(),
    data: ZData,
  })
  .openapi('OwnPart');
export type TOwnPart = z.infer<typeof ZOwnPart>;

export const ZInstanceView = z
  .object({
    id: z.string(),
    definition: z.object({
      id: z.string(),
      key: z.string(),
      version: z.number().int(),
      name: ZLocalized,
      blocks: z.array(ZDeclaredBlock),
    }),
    /** What it is called (see the list item's `title`) and who filed it. */
    title: ZLocalized,
    requester: z.object({ orgId: z.string(), name: z.string() }),
    subject: z.object({
      orgId: z.string(),
      name: z.string(),
      path: z.array(z.object({ id: z.string(), name: z.string(), type: z.string() })),
    }),
    state: z.string(),
    stateName: ZLocalized,
    stateKind: z.string(),
    status: z.enum(['running', 'completed']),
    outcome: z.string().nullable(),
    data: ZData,
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
    createdBy: z.object({ id: z.string(), displayName: z.string() }),
    availableEvents: z.array(ZAvailableEvent),
    /** The current step's own fields and, for every field, what this step may do with it. */
    form: z
      .object({
        fields: z.array(z.record(z.string(), z.unknown())),
        access: z.record(z.string(), z.enum(FIELD_ACCESS)),
      })
      .nullable(),
    states: z.array(
      z.object({ id: z.string(), name: ZLocalized, kind: z.string(), visited: z.boolean(), current: z.boolean() }),
    ),
    transitions: z.array(z.object({ from: z.string(), to: z.string(), event: z.string() })),
    openTasks: z.array(z.object({ id: z.string(), state: z.string(), dueAt: z.string().nullable() })),
    /** While the instance rests in a 公示 (a `notice` step): when it ends by itself, and the school working days left (0 on its last day). */
    notice: z.object({ endsAt: z.string(), workdaysLeft: z.number().int() }).nullable(),
    /** At a collect step with the indicator-rows block: the rows a part starts from and the indicators needing evidence. */
    partPrefill: z
      .object({
        field: z.string(),
        rows: z.array(z.record(z.string(), z.unknown())),
        evidenceRequired: z.array(z.string()),
      })
      .nullable(),
    /** Set while the instance rests where its automatic checks sent it: each rule that refused, and why. */
    refusal: ZRefusal,
    /** GET /instances/{id} only: people assigned by role; those the viewer may not know (a blind or sealed review) only counted. */
    assignments: z.array(ZInstanceAssignment).optional(),
    /** GET /instances/{id} only: names for the ids in `data` and `assignments` (schools, people, other requests). */
    refs: z.record(z.string(), ZDataRef).optional(),
    /** GET /instances/{id} only: the collect steps' parts the viewer may see, per participant (各单位填报). */
    parts: z.array(ZPartStep).optional(),
  })
  .openapi('InstanceView');
export type TInstanceView = z.infer<typeof ZInstanceView>;

export const ZEventResult = z
  .object({
    id: z.string(),
    state: z.string(),
    stateName: ZLocalized,
    status: z.enum(['running', 'completed']),
    outcome: z.string().nullable(),
    version: z.number().int(),
    availableEvents: z.array(ZAvailableEvent),
    /** The move ended where automatic checks refused it (a resubmitted request): each rule and why. */
    refusal: ZRefusal,
  })
  .openapi('EventResult');
export type TEventResult = z.infer<typeof ZEventResult>;

/**
 * One event of an instance's history. Where the viewer may not know who acted (评审保密: an expert, seen
 * by the submitting side before the results are published) `actorId` is null, `actorName` a label such
 * as 评审专家 2, `actorAlias` the role and seat number behind it, and hashes are left out.
 */
export const ZHistoryEvent = ZAuditEvent.extend({
  actorAlias: z.object({ role: z.enum(ROLES), n: z.number().int().positive() }).optional(),
}).openapi('HistoryEvent');
export type THistoryEvent = z.infer<typeof ZHistoryEvent>;
export const ZHistoryItems = z.object({ items: z.array(ZHistoryEvent) });
