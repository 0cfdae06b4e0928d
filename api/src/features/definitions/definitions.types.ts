import { z } from '@hono/zod-openapi';

import { BLOCK_NAMES, type BlockName } from '../../engine.js';
import { ZDraftReview, ZLocalized } from '../common.js';

export const ZDefinitionStatus = z.enum(['draft', 'published']);
export const ZDefinitionSubject = z.enum(['school', 'group', 'district']);

export const ZCreateDefinitionBody = z
  .object({
    definition: z
      .record(z.string(), z.unknown())
      .openapi({ description: 'The workflow definition document (see workflows/src/definition/schema.ts)' }),
  })
  .openapi('CreateDefinitionBody');
export type TCreateDefinitionBody = z.infer<typeof ZCreateDefinitionBody>;

export const ZDefinitionQuery = z.object({
  status: ZDefinitionStatus.optional(),
  /** Only published definitions that declare this block (e.g. `entryRules`: every campus-entry workflow, copies included). */
  block: z.enum(BLOCK_NAMES as [BlockName, ...BlockName[]]).optional(),
  /** '1': only published definitions the caller may start for some organisation (the start form's list). */
  startable: z.enum(['1']).optional(),
});
export type TDefinitionQuery = z.infer<typeof ZDefinitionQuery>;

export const ZDefinitionSummary = z
  .object({
    id: z.string(),
    key: z.string(),
    version: z.number().int(),
    status: ZDefinitionStatus,
    name: ZLocalized,
    subject: ZDefinitionSubject,
    publishedAt: z.string().nullable(),
    createdAt: z.string(),
    /** Bumped by every draft save: send it back as expectedRevision. */
    revision: z.number().int(),
  })
  .openapi('DefinitionSummary');
export type TDefinitionSummary = z.infer<typeof ZDefinitionSummary>;

export const ZDefinitionDetail = ZDefinitionSummary.extend({
  definition: z.record(z.string(), z.unknown()),
  ...ZDraftReview,
}).openapi('DefinitionDetail');
export type TDefinitionDetail = z.infer<typeof ZDefinitionDetail>;

export const ZDefinitionList = z.object({ items: z.array(ZDefinitionSummary) });

export const ZDefinitionError = z
  .object({ path: z.string(), code: z.string(), message: ZLocalized })
  .openapi('DefinitionError');

export const ZUpdateDraftBody = z
  .object({
    definition: z.record(z.string(), z.unknown()),
    expectedRevision: z.number().int().positive(),
  })
  .openapi('UpdateDraftBody');
export type TUpdateDraftBody = z.infer<typeof ZUpdateDraftBody>;

/** A saved draft and what still stops it from being published (empty when it is ready). */
export const ZDraftSaved = ZDefinitionDetail.extend({ errors: z.array(ZDefinitionError) }).openapi('DraftSaved');
export type TDraftSaved = z.infer<typeof ZDraftSaved>;

export const ZCloneBody = z
  .object({
    /** A built-in template key (TEMPLATES) or a stored definition id. */
    template: z.string().optional(),
    definitionId: z.string().optional(),
    key: z
      .string()
      .regex(/^[a-z][a-z0-9-]*$/)
      .optional(),
    name: ZLocalized.optional(),
  })
  .refine((b) => !!b.template !== !!b.definitionId, {
    message: 'template or definitionId, exactly one',
    path: ['template'],
  })
  .openapi('CloneDefinitionBody');
export type TCloneBody = z.infer<typeof ZCloneBody>;

export const ZDiffQuery = z.object({ against: z.string().optional() });

export const ZDiffChange = z
  .object({
    kind: z.enum(['state', 'transition', 'field', 'permission', 'deadline', 'people', 'workflow', 'block']),
    change: z.enum(['added', 'removed', 'changed', 'renamed', 'moved']),
    /** The state / transition / field it is about (`review`, `review.APPROVE`, `selfCheck.form.score`). */
    target: z.string(),
    text: ZLocalized,
  })
  .openapi('DefinitionDiffChange');
export type TDiffChange = z.infer<typeof ZDiffChange>;

export const ZDiffResult = z
  .object({ from: ZDefinitionSummary.nullable(), to: ZDefinitionSummary, changes: z.array(ZDiffChange) })
  .openapi('DefinitionDiff');
export type TDiffResult = z.infer<typeof ZDiffResult>;

export const ZMigrationBody = z
  .object({
    fromDefinitionId: z.string().min(1),
    /** Old state id → new state id; states left out cannot migrate. */
    mapping: z.record(z.string(), z.string()),
    dryRun: z.boolean().default(true),
    limit: z.number().int().min(1).max(200).default(100),
    cursor: z.string().optional(),
  })
  .openapi('MigrationBody');
export type TMigrationBody = z.infer<typeof ZMigrationBody>;

export const ZMigrationItem = z
  .object({
    instanceId: z.string(),
    subjectName: z.string(),
    fromState: z.string(),
    toState: z.string().nullable(),
    ok: z.boolean(),
    status: z.enum(['running', 'completed']).nullable(),
    closeTasks: z.array(z.string()),
    openTasks: z.array(z.object({ taskKey: z.string(), state: z.string(), purpose: z.string() })),
    timers: z.array(z.string()),
    refusal: z.object({ code: z.string(), message: ZLocalized }).optional(),
  })
  .openapi('MigrationItem');
export type TMigrationItem = z.infer<typeof ZMigrationItem>;

export const ZMigrationResult = z
  .object({
    dryRun: z.boolean(),
    items: z.array(ZMigrationItem),
    migrated: z.number().int(),
    refused: z.number().int(),
    nextCursor: z.string().nullable(),
  })
  .openapi('MigrationResult');
export type TMigrationResult = z.infer<typeof ZMigrationResult>;

/** What publishing a draft would change for running work (asked before 发布, which cannot be undone). */
export const ZPublishCheck = z
  .object({
    previous: ZDefinitionSummary.nullable(),
    /** Blocks the previous published version declares that this one drops or moves. */
    droppedBlocks: z.array(ZDiffChange),
    /** Steps where running instances of earlier versions sit and that this version does not have. */
    strandedSteps: z.array(z.object({ state: z.string(), name: ZLocalized, running: z.number().int() })),
    needsConfirmation: z.boolean(),
  })
  .openapi('PublishCheck');
export type TPublishCheck = z.infer<typeof ZPublishCheck>;

export const ZPublishQuery = z.object({
  /** '1': publish even though blocks are dropped or running instances sit in steps this version lacks. */
  confirm: z.enum(['1']).optional(),
});

/** The organisations the caller may start a published workflow about, and the one the start form pre-selects. */
export const ZStartSubjects = z
  .object({
    items: z.array(
      z.object({ id: z.string(), name: z.string(), type: z.enum(['district', 'group', 'school', 'department']) }),
    ),
    /** The caller's own school (or group, or the only choice) when it is among them; null when they must pick. */
    preselected: z.string().nullable(),
  })
  .openapi('StartSubjects');
export type TStartSubjects = z.infer<typeof ZStartSubjects>;
