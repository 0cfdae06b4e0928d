import { createRoute, z } from '@hono/zod-openapi';
import { sql } from 'drizzle-orm';

import type { Deps } from '../../deps.js';
import { getCalendarCoverage } from '../calendar/get-calendar-coverage.js';
import { json, newRouter } from '../common.js';

const ZHealthCalendar = z
  .object({
    uncoveredDeadlineYears: z.array(z.number().int()).openapi({
      description:
        'Years open deadlines fall into whose statutory holidays neither the package nor the bureau gives: counted as plain Monday–Friday',
    }),
    nextYear: z.object({ year: z.number().int(), covered: z.boolean() }),
  })
  .openapi('HealthCalendar');

const ZHealth = z
  .object({
    status: z.enum(['ok', 'degraded']),
    db: z.enum(['ok', 'error']),
    version: z.string(),
    calendar: ZHealthCalendar.optional(),
  })
  .openapi('Health');

const health = createRoute({
  method: 'get',
  path: '/health',
  tags: ['health'],
  responses: { 200: json(ZHealth), 503: json(ZHealth, 'The database does not answer') },
});

export function healthRoutes(deps: Deps) {
  return newRouter().openapi(health, async (c) => {
    const version = deps.appVersion ?? '0.0.0';
    // Through the probe connection, so that a node busy with writes still answers its load balancer.
    const probing = deps.probeDb ? { ...deps, db: deps.probeDb } : deps;
    try {
      await probing.db.get(sql`select 1`);
      // A few index seeks (see getCalendarCoverage): cheap enough for every probe.
      const coverage = await getCalendarCoverage(probing);
      const next = coverage.years[1];
      const calendar = {
        uncoveredDeadlineYears: coverage.uncoveredDeadlines.map((d) => d.year),
        nextYear: { year: next?.year ?? 0, covered: next?.source !== undefined && next?.source !== null },
      };
      return c.json({ status: 'ok' as const, db: 'ok' as const, version, calendar }, 200);
    } catch {
      return c.json({ status: 'degraded' as const, db: 'error' as const, version }, 503);
    }
  });
}
