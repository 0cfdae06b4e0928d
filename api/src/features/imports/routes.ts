import { createRoute } from '@hono/zod-openapi';

import { signedIn } from '../../app-env.js';
import type { Deps } from '../../deps.js';
import { errors, json, newRouter } from '../common.js';
import { importBodyLimit } from './import-body-limit.js';
import { importSchools } from './import-schools.js';
import { importUsers } from './import-users.js';
import { ZImportForm, ZImportParams, ZImportQuery, ZImportResult } from './imports.types.js';
import { readTable } from './read-table.js';

const importRoute = createRoute({
  method: 'post',
  path: '/imports/{kind}',
  tags: ['imports'],
  summary:
    'Import schools or users from .xlsx/.csv (bureauAdmin): row-by-row errors, all or nothing, dryRun=1 to check only',
  middleware: [importBodyLimit()] as const,
  request: {
    params: ZImportParams,
    query: ZImportQuery,
    body: { required: true, content: { 'multipart/form-data': { schema: ZImportForm } } },
  },
  responses: {
    200: json(ZImportResult, 'Checked (and, unless a dry run with no errors, written)'),
    ...errors(400, 401, 403, 413, 422),
  },
});

export function importRoutes(deps: Deps) {
  return newRouter().openapi(importRoute, async (c) => {
    const { user } = signedIn(c);
    const { kind } = c.req.valid('param');
    const dryRun = c.req.valid('query').dryRun === '1';
    const table = await readTable(c.req.valid('form').file);
    const result =
      kind === 'schools'
        ? await importSchools(deps, { actor: user, table, dryRun })
        : await importUsers(deps, { actor: user, table, dryRun });
    return c.json(result, 200);
  });
}
