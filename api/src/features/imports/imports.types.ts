import { z } from '@hono/zod-openapi';

import { ZLocalized } from '../common.js';

export const IMPORT_KINDS = ['schools', 'users'] as const;

export const ZImportParams = z.object({ kind: z.enum(IMPORT_KINDS).openapi({ param: { name: 'kind', in: 'path' } }) });
export const ZImportQuery = z.object({
  dryRun: z.enum(['0', '1']).optional().openapi({ description: '1: check every row, write nothing' }),
});
export const ZImportForm = z
  .object({
    file: z.instanceof(File).openapi({
      type: 'string',
      format: 'binary',
      description: '.xlsx (first sheet) or .csv (UTF-8), header in row 1',
    }),
  })
  .openapi('ImportUpload');

export const ZImportError = z.object({ row: z.number().int(), field: z.string(), message: ZLocalized });
export type TImportError = z.infer<typeof ZImportError>;

export const ZImportResult = z
  .object({
    dryRun: z.boolean(),
    created: z.number().int(),
    skipped: z
      .number()
      .int()
      .openapi({ description: 'Rows that already exist (same school under the same group, same username)' }),
    errors: z.array(ZImportError),
    passwords: z
      .array(z.object({ username: z.string(), password: z.string() }))
      .optional()
      .openapi({ description: 'Generated one-time passwords (users import, not on a dry run); shown once' }),
  })
  .openapi('ImportResult');
export type TImportResult = z.infer<typeof ZImportResult>;
