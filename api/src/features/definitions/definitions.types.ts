import { z } from '@hono/zod-openapi';
import { ZLocalized } from '../common.js';

export const ZDefinitionStatus = z.enum(['draft', 'published']);
export const ZDefinitionSubject = z.enum(['school', 'group', 'district']);

export const ZCreateDefinitionBody = z
  .object({ definition: z.record(z.string(), z.unknown()).openapi({ description: 'The workflow definition document (see workflows/src/definition/schema.ts)' }) })
  .openapi('CreateDefinitionBody');
export type TCreateDefinitionBody = z.infer<typeof ZCreateDefinitionBody>;

export const ZDefinitionQuery = z.object({ status: ZDefinitionStatus.optional() });
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
  })
  .openapi('DefinitionSummary');
export type TDefinitionSummary = z.infer<typeof ZDefinitionSummary>;

export const ZDefinitionDetail = ZDefinitionSummary.extend({
  definition: z.record(z.string(), z.unknown()),
}).openapi('DefinitionDetail');
export type TDefinitionDetail = z.infer<typeof ZDefinitionDetail>;

export const ZDefinitionList = z.object({ items: z.array(ZDefinitionSummary) });
