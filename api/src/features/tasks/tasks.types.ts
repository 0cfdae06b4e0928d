import { z } from '@hono/zod-openapi';

import { ZSortQuery } from '../../lib/sorted-keyset.js';
import { page, ZLocalized, ZPageQuery } from '../common.js';

export const ZTaskQuery = ZPageQuery.extend(ZSortQuery.shape);
export type TTaskQuery = z.infer<typeof ZTaskQuery>;

export const ZTaskItem = z
  .object({
    id: z.string(),
    /** Null for a 负担码 report's task, which belongs to no workflow instance. */
    instanceId: z.string().nullable(),
    /** Set for a 负担码 report's task: resolve it with POST /api/burden-reports/{id}/resolve. */
    burdenReportId: z.string().nullable(),
    definitionKey: z.string().openapi({ description: 'the workflow key, or `burden-report`' }),
    definitionName: ZLocalized,
    /** The blocks the workflow declares (e.g. `entryRules`): what family of work this is, whatever its key. */
    workflowBlocks: z.array(z.string()),
    /** The blocks on this task's step and its actions, `name` or `name:op` (e.g. `findingsLedger:handIn` for a rectification). */
    stepBlocks: z.array(z.string()),
    state: z.string(),
    stateName: ZLocalized,
    subjectName: z.string(),
    /** What the instance is called (its declared title, else the workflow's name); a 负担码 report's item. */
    title: ZLocalized,
    /** Who filed it: the school, group or department (never the district, for a district-wide request). */
    requesterName: z.string(),
    purpose: z.string().openapi({ example: 'act', description: 'act | review | escalation | sign' }),
    dueAt: z.string().nullable(),
    overdue: z.boolean(),
    createdAt: z.string(),
  })
  .openapi('TaskItem');
export type TTaskItem = z.infer<typeof ZTaskItem>;
export const ZTaskPage = page(ZTaskItem);

export const ZDoneTaskQuery = ZPageQuery;
export type TDoneTaskQuery = z.infer<typeof ZDoneTaskQuery>;

/** A task the user closed (已办), with what they did and, for a part of a collect step, the figures they gave. */
export const ZDoneTask = z
  .object({
    id: z.string(),
    instanceId: z.string(),
    definitionName: ZLocalized,
    title: ZLocalized,
    state: z.string(),
    stateName: ZLocalized,
    subjectName: z.string(),
    requesterName: z.string(),
    /** What closed it, as its button says (提交评分, 复核通过, 转办 …). */
    action: ZLocalized,
    closedAt: z.string(),
    /** For a part of a collect step still on the instance: its scores or hours, the total first (我的评分). */
    figures: z.array(z.object({ name: z.string(), label: ZLocalized, value: z.number() })),
  })
  .openapi('DoneTask');
export type TDoneTask = z.infer<typeof ZDoneTask>;
export const ZDoneTaskPage = page(ZDoneTask);
