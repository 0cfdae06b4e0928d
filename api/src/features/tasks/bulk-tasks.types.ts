import { z } from '@hono/zod-openapi';

import { ZLocalized } from '../common.js';

export const ZBulkTasksBody = z
  .discriminatedUnion('action', [
    z.object({ action: z.literal('chase'), taskIds: z.array(z.string().min(1).max(100)).min(1).max(500) }),
    z.object({
      action: z.literal('reassign'),
      fromUserId: z.string().min(1).max(100),
      toUserId: z.string().min(1).max(100),
      taskIds: z.array(z.string().min(1).max(100)).max(500).optional().openapi({
        description:
          'Only the instances of these of fromUser’s open tasks; when omitted, every running instance holding their open tasks or assignments',
      }),
    }),
  ])
  .openapi('BulkTasksBody');
export type TBulkTasksBody = z.infer<typeof ZBulkTasksBody>;

export const ZBulkTasksResult = z
  .object({
    done: z.number().int().openapi({ description: 'chase: tasks chased; reassign: instances handed over' }),
    failed: z.array(
      z.object({
        taskId: z.string().openapi({
          description:
            'reassign: the person’s first open task in the instance, empty when they held only an assignment there',
        }),
        instanceId: z.string().optional(),
        code: z.string(),
        message: ZLocalized,
      }),
    ),
  })
  .openapi('BulkTasksResult');
export type TBulkTasksResult = z.infer<typeof ZBulkTasksResult>;
