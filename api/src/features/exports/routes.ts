import { createRoute, z } from '@hono/zod-openapi';

import { signedIn } from '../../app-env.js';
import type { Deps } from '../../deps.js';
import { errors, newRouter } from '../common.js';
import { EXPORT_LISTS, type TExportList } from './export-labels.js';
import { exportList } from './export-list.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const ZFile = z.object({
  file: z
    .string()
    .regex(
      new RegExp(`^(${EXPORT_LISTS.join('|')})\\.xlsx$`),
      `one of ${EXPORT_LISTS.map((l) => `${l}.xlsx`).join(', ')}`,
    )
    .openapi({ param: { name: 'file', in: 'path' }, example: 'instances.xlsx' }),
});

const exportRoute = createRoute({
  method: 'get',
  path: '/exports/{file}',
  tags: ['exports'],
  summary:
    'A list (instances, tasks, audit, users, orgs, findings) or the overview report as Excel; takes the list’s own filters',
  // The query is the chosen list's own filter set, validated by that list's schema in exportList.
  request: {
    params: ZFile,
    query: z
      .looseObject({})
      .openapi({ description: 'The list’s own filters (e.g. definitionKey, state, orgId, from, to for instances)' }),
  },
  responses: {
    200: { description: 'The workbook', content: { [XLSX]: { schema: z.string().openapi({ format: 'binary' }) } } },
    ...errors(400, 401, 403),
  },
});

export function exportRoutes(deps: Deps) {
  return newRouter().openapi(exportRoute, async (c) => {
    const { user, ability } = signedIn(c);
    const list = c.req.valid('param').file.replace(/\.xlsx$/, '') as TExportList;
    const { body, filename } = await exportList(deps, { user, ability, list, query: c.req.query() });
    return c.body(body, 200, {
      'Content-Type': XLSX,
      'Content-Disposition': `attachment; filename="${list}.xlsx"; filename*=UTF-8''${encodeURIComponent(filename)}`,
      'Cache-Control': 'private, no-store',
    });
  });
}
