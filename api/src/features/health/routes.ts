import { createRoute, z } from '@hono/zod-openapi';
import { sql } from 'drizzle-orm';
import type { Deps } from '../../deps.js';
import { json, newRouter } from '../common.js';

const ZHealth = z.object({ status: z.enum(['ok', 'degraded']), db: z.enum(['ok', 'error']), version: z.string() }).openapi('Health');

const health = createRoute({
  method: 'get',
  path: '/health',
  tags: ['health'],
  responses: { 200: json(ZHealth), 503: json(ZHealth, 'The database does not answer') },
});

export function healthRoutes(deps: Deps) {
  return newRouter().openapi(health, (c) => {
    const version = deps.appVersion ?? '0.0.0';
    try {
      deps.db.get(sql`select 1`);
      return c.json({ status: 'ok' as const, db: 'ok' as const, version }, 200);
    } catch {
      return c.json({ status: 'degraded' as const, db: 'error' as const, version }, 503);
    }
  });
}
