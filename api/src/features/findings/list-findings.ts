import { and, asc, eq, gt, isNotNull, lt, or, type SQL } from 'drizzle-orm';
import type { AppAbility } from '../../auth/ability.js';
import type { TAuthUser } from '../../auth/user.js';
import { findings, instances, organisations } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import { decodeCursor, pageOf } from '../../lib/cursor.js';
import { readableOf } from '../reports/report-scope.js';
import type { TFinding, TFindingQuery } from './findings.types.js';

/** Security findings of the inspections the caller may read, earliest deadline first, keyset-paginated on (due_at, id). */
export function listFindings(deps: Deps, input: { user: TAuthUser; ability: AppAbility; query: TFindingQuery }): { items: TFinding[]; nextCursor: string | null } {
  const q = input.query;
  const now = deps.clock().toISOString();
  const where: SQL[] = [readableOf(deps, { user: input.user, ability: input.ability, key: 'security-inspection' })];
  if (q.instanceId) where.push(eq(findings.instanceId, q.instanceId));
  if (q.schoolId) where.push(eq(findings.schoolId, q.schoolId));
  if (q.round) where.push(eq(findings.round, q.round));
  if (q.status) where.push(eq(findings.status, q.status));
  if (q.overdue) where.push(eq(findings.status, 'open'), lt(findings.dueAt, now));
  if (q.escalated) where.push(isNotNull(findings.escalatedAt));
  const cursor = decodeCursor(q.cursor, 2);
  if (cursor) {
    const [dueAt, id] = cursor.map(String);
    where.push(or(gt(findings.dueAt, dueAt), and(eq(findings.dueAt, dueAt), gt(findings.id, id)))!);
  }
  const rows = deps.db
    .select({ f: findings, schoolName: organisations.name })
    .from(findings)
    .innerJoin(instances, eq(instances.id, findings.instanceId))
    .innerJoin(organisations, eq(organisations.id, findings.schoolId))
    .where(and(...where))
    .orderBy(asc(findings.dueAt), asc(findings.id))
    .limit(q.limit + 1)
    .all();
  const page = pageOf(rows, q.limit, (r) => [r.f.dueAt, r.f.id]);
  return {
    items: page.items.map(({ f, schoolName }) => ({ ...f, schoolName, overdue: f.status === 'open' && f.dueAt < now })),
    nextCursor: page.nextCursor,
  };
}
