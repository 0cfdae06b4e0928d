import { z } from '@hono/zod-openapi';
import { page, ZLocalized, ZPageQuery } from '../common.js';

export const ZTaskQuery = ZPageQuery;
export type TTaskQuery = z.infer<typeof ZTaskQuery>;

export const ZTaskItem = z
  .object({
    id: z.string(),
    instanceId: z.string(),
    definitionKey: z.string(),
    definitionName: ZLocalized,
    state: z.string(),
    stateName: ZLocalized,
    subjectName: z.string(),
    purpose: z.string().openapi({ example: 'act', description: 'act | review | escalation | sign' }),
    dueAt: z.string().nullable(),
    overdue: z.boolean(),
    createdAt: z.string(),
  })
  .openapi('TaskItem');
export type TTaskItem = z.infer<typeof ZTaskItem>;
export const ZTaskPage = page(ZTaskItem);
