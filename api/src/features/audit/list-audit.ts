import { ForbiddenError } from '@casl/ability';
import { and, desc, eq, gte, lt, lte, type SQL } from 'drizzle-orm';

import type { AppAbility } from '../../auth/ability.js';
import { auditEvents } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import { decodeCursor, pageOf } from '../../lib/cursor.js';
import { dateBound } from '../../lib/date-bound.js';
import type { TAuditQuery } from './audit.types.js';

/** Newest first, keyset-paginated on seq. Reading the log is the auditor's alone (三权分立). */
export async function listAudit(deps: Deps, input: { ability: AppAbility; query: TAuditQuery }) {
  ForbiddenError.from(input.ability).throwUnlessCan('read', 'AuditEvent');
  const q = input.query;
  const where: SQL[] = [];
  if (q.actorId) where.push(eq(auditEvents.actorId, q.actorId));
  if (q.action) where.push(eq(auditEvents.action, q.action));
  if (q.entityType) where.push(eq(auditEvents.entityType, q.entityType));
  if (q.entityId) where.push(eq(auditEvents.entityId, q.entityId));
  if (q.outcome) where.push(eq(auditEvents.outcome, q.outcome));
  if (q.from) where.push(gte(auditEvents.at, dateBound(q.from, 'start')));
  if (q.to) where.push(lte(auditEvents.at, dateBound(q.to, 'end')));
  const cursor = decodeCursor(q.cursor, 1);
  if (cursor) where.push(lt(auditEvents.seq, Number(cursor[0])));
  const rows = await deps.db
    .select()
    .from(auditEvents)
    .where(and(...where))
    .orderBy(desc(auditEvents.seq))
    .limit(q.limit + 1);
  return pageOf(rows, q.limit, (r) => [r.seq]);
}
