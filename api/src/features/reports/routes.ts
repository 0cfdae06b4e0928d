import { createRoute } from '@hono/zod-openapi';

import { signedIn } from '../../app-env.js';
import type { Deps } from '../../deps.js';
import { errors, json, newRouter } from '../common.js';
import { assessmentReport } from './assessment-report.js';
import { awardReport } from './award-report.js';
import { campusEntryReport } from './campus-entry-report.js';
import {
  ZAssessmentReport,
  ZAwardReport,
  ZCampusEntryReport,
  ZCycleQuery,
  ZRoundQuery,
  ZSecurityReport,
  ZSemesterQuery,
  ZYearQuery,
} from './reports.types.js';
import { securityReport } from './security-report.js';

const security = createRoute({
  method: 'get',
  path: '/reports/security-inspection',
  tags: ['reports'],
  summary: 'Findings by layer, severity and school; open, overdue, repeats',
  request: { query: ZRoundQuery },
  responses: { 200: json(ZSecurityReport), ...errors(400, 401) },
});
const assessment = createRoute({
  method: 'get',
  path: '/reports/bundled-assessment',
  tags: ['reports'],
  summary: 'Groups of a cycle ranked by rolled-up score, grade and weakest member',
  request: { query: ZCycleQuery },
  responses: { 200: json(ZAssessmentReport), ...errors(400, 401) },
});
const campus = createRoute({
  method: 'get',
  path: '/reports/campus-entry',
  tags: ['reports'],
  summary: 'Entries per school against the semester cap; teacher hours by item',
  request: { query: ZSemesterQuery },
  responses: { 200: json(ZCampusEntryReport), ...errors(400, 401) },
});
const award = createRoute({
  method: 'get',
  path: '/reports/teaching-award',
  tags: ['reports'],
  summary: 'Awards by level; ranking per category',
  request: { query: ZYearQuery },
  responses: { 200: json(ZAwardReport), ...errors(400, 401) },
});

/** Every report reads only the instances the caller may read (CASL rules in SQL). */
export function reportRoutes(deps: Deps) {
  return newRouter()
    .openapi(security, async (c) =>
      c.json(await securityReport(deps, { ...signedIn(c), ...c.req.valid('query') }), 200),
    )
    .openapi(assessment, async (c) =>
      c.json(await assessmentReport(deps, { ...signedIn(c), ...c.req.valid('query') }), 200),
    )
    .openapi(campus, async (c) =>
      c.json(await campusEntryReport(deps, { ...signedIn(c), ...c.req.valid('query') }), 200),
    )
    .openapi(award, async (c) => c.json(await awardReport(deps, { ...signedIn(c), ...c.req.valid('query') }), 200));
}
