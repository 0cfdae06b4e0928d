import { and, asc, eq, gt, or, type SQL } from 'drizzle-orm';

import type { TAuthUser } from '../../auth/user.js';
import { burdenReports, organisations } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import { decodeCursor, pageOf } from '../../lib/cursor.js';
import { requirePermission } from '../authorize.js';
import type { TBurdenQuery, TBurdenReport } from './burden.types.js';
import { burdenItemNames, burdenView } from './burden-view.js';

/** The bureau's queue of complaints, earliest deadline first, keyset-paginated on (due_at, id). */
export async function listBurdenReports(
  deps: Deps,
  input: { actor: TAuthUser; query: TBurdenQuery },
): Promise<{ items: TBurdenReport[]; nextCursor: string | null }> {
  await requirePermission(deps, input.actor, { action: 'read', type: 'BurdenReport', auditAction: 'burden.list' });
  const where: SQL[] = [];
  if (input.query.status) where.push(eq(burdenReports.status, input.query.status));
  const cursor = decodeCursor(input.query.cursor, 2);
  if (cursor) {
    const [dueAt, id] = cursor.map(String);
    where.push(or(gt(burdenReports.dueAt, dueAt), and(eq(burdenReports.dueAt, dueAt), gt(burdenReports.id, id)))!);
  }
  const rows = await deps.db
    .select({ r: burdenReports, schoolName: organisations.name })
    .from(burdenReports)
    .innerJoin(organisations, eq(organisations.id, burdenReports.schoolId))
    .where(and(...where))
    .orderBy(asc(burdenReports.dueAt), asc(burdenReports.id))
    .limit(input.query.limit + 1);
  const now = deps.clock();
  const page = pageOf(rows, input.query.limit, (x) => [x.r.dueAt, x.r.id]);
  const itemNames = await burdenItemNames(deps);
  return { items: page.items.map((x) => burdenView(x.r, x.schoolName, now, itemNames)), nextCursor: page.nextCursor };
}
