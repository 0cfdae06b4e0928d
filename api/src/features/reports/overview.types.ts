import { z } from '@hono/zod-openapi';

import { ZIsoDate, ZLocalized } from '../common.js';

const ZDay = z.union([z.iso.date(), ZIsoDate]);

export const ZOverviewQuery = z.object({
  from: ZDay.optional().openapi({ description: 'Instances created on or after (a date, or an instant)' }),
  to: ZDay.optional(),
  groupId: z.string().max(100).optional(),
  schoolId: z.string().max(100).optional(),
});
export type TOverviewQuery = z.infer<typeof ZOverviewQuery>;

export const ZOverview = z
  .object({
    byWorkflow: z.array(
      z.object({
        definitionKey: z.string(),
        name: ZLocalized,
        byState: z.array(z.object({ state: z.string(), stateName: ZLocalized, count: z.number().int() })),
      }),
    ),
    openTasks: z.number().int(),
    overdueTasks: z.number().int(),
    overdueByWorkflow: z.array(z.object({ definitionKey: z.string(), name: ZLocalized, count: z.number().int() })),
  })
  .openapi('OverviewReport');
export type TOverview = z.infer<typeof ZOverview>;
