import { and, eq, exists, isNull, or, type SQL, sql } from 'drizzle-orm';

import type { TAuthUser } from '../../auth/user.js';
import type { Db } from '../../db/client.js';
import { prepared } from '../../db/prepared.js';
import { taskCandidates, tasks } from '../../db/schema.js';
import { isSet, noIndex, type TOn } from '../../db/sql-dialect.js';

/**
 * The ids of open tasks naming this user or a role they hold (at that org, or anywhere), as a UNION ALL
 * of lookups each served by one covering index — an OR across the same rows made SQLite scan them all.
 * Only open candidate rows (the `open` column follows the task): a reviewer's years of closed reviews
 * are never walked. Duplicates do no harm: the result is only ever used on the right of `IN`.
 */
export function candidateTaskIds(on: TOn, user: TAuthUser): SQL {
  const open = isSet(on, taskCandidates.open);
  const parts: SQL[] = [
    sql`select ${taskCandidates.taskId} from ${taskCandidates} where ${taskCandidates.userId} = ${user.id} and ${open}`,
  ];
  const orgsByRole = new Map<string, string[]>();
  for (const g of user.roles) orgsByRole.set(g.role, [...(orgsByRole.get(g.role) ?? []), g.orgId]);
  for (const [role, orgIds] of orgsByRole) {
    parts.push(
      sql`select ${taskCandidates.taskId} from ${taskCandidates} where ${taskCandidates.role} = ${role} and ${taskCandidates.orgId} in ${orgIds} and ${open}`,
    );
    parts.push(
      sql`select ${taskCandidates.taskId} from ${taskCandidates} where ${taskCandidates.role} = ${role} and ${taskCandidates.orgId} is null and ${open}`,
    );
  }
  return sql.join(parts, sql` union all `);
}

/** The task (in the outer query) has this user among its candidates. */
export const isCandidateOfTask = (on: TOn, user: TAuthUser): SQL => sql`${tasks.id} in (${candidateTaskIds(on, user)})`;

/**
 * Instances with an open task this user is a candidate for (a subquery for `instances.id in (…)`). The
 * unary `+` keeps SQLite from walking every open task through the status index: a user's candidate
 * rows are few, so looking each task up by primary key is the cheap side.
 */
export const instancesWithOpenTaskFor = (on: TOn, user: TAuthUser): SQL =>
  sql`select ot.instance_id from ${tasks} ot where ${noIndex(on, sql`ot.status`)} = 'open' and ot.id in (${candidateTaskIds(on, user)})`;

/**
 * Whether one instance has an open task naming this user or a role they hold — read from that
 * instance's own tasks, so the cost of checking one row does not grow with the user's history (the
 * set-wise form above walks every task ever addressed to the user's role at their school).
 */
export async function waitsOn(db: Db, instanceId: string, user: TAuthUser): Promise<boolean> {
  // Built once per connection and number of role grants (db/prepared.ts): it runs on every event.
  const query = prepared(db, `tasks.waitsOn.${user.roles.length}`, (d) => {
    const ph = sql.placeholder;
    const byRole = user.roles.map((_, i) =>
      and(
        eq(taskCandidates.role, ph(`role${i}`)),
        or(eq(taskCandidates.orgId, ph(`org${i}`)), isNull(taskCandidates.orgId)),
      ),
    );
    // EXISTS, not a join: a join let SQLite start from the user's candidate rows, which is the history again.
    const named = d
      .select({ one: sql`1` })
      .from(taskCandidates)
      .where(and(eq(taskCandidates.taskId, tasks.id), or(eq(taskCandidates.userId, ph('userId')), ...byRole)));
    return d
      .select({ one: sql`1` })
      .from(tasks)
      .where(and(eq(tasks.instanceId, ph('instanceId')), eq(tasks.status, 'open'), exists(named)))
      .limit(1)
      .prepare();
  });
  const grants = Object.fromEntries(
    user.roles.flatMap((g, i) => [
      [`role${i}`, g.role],
      [`org${i}`, g.orgId],
    ]),
  );
  return (await query.get({ instanceId, userId: user.id, ...grants })) !== undefined;
}
