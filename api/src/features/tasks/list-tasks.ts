import { and, asc, eq, gt, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { AppAbility } from '../../auth/ability.js';
import { rulesToWhere } from '../../auth/ability-sql.js';
import type { TAuthUser } from '../../auth/user.js';
import { instances, organisations, tasks } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import { decodeCursor, pageOf } from '../../lib/cursor.js';
import { definitionsById, stateName } from '../definitions/definitions-by-id.js';
import { instanceFields } from '../instances/instance-subject.js';
import { isCandidateOfTask } from './candidate-match.js';
import type { TTaskItem, TTaskQuery } from './tasks.types.js';

// Tasks without a deadline sort after every dated one; the cursor carries this for them.
const NO_DUE = '9999-12-31T23:59:59.999Z';

/**
 * Everyone with a role may read an instance on which a task waits for them (ability.ts, participantIds),
 * so the instance read filter only repeats the candidate match — unless a `cannot` rule narrows reading.
 */
function readFilterNeeded(user: TAuthUser, ability: AppAbility): boolean {
  return user.roles.length === 0 || ability.rulesFor('read', 'Instance').some((r) => r.inverted);
}

/**
 * The inbox: open tasks this user is a candidate for, soonest deadline first, keyset-paginated on
 * (due, id). Dated and undated tasks are read as two runs (dated first) so the cursor stays a plain
 * (due_at, id) comparison; see docs/decisions/0006.
 */
export function listTasks(deps: Deps, input: { user: TAuthUser; ability: AppAbility; query: TTaskQuery }) {
  const q = input.query;
  // Drive from the user's candidate rows (few) by primary key; the `+` stops SQLite from walking every
  // open task in the district through the status index and probing each against the list.
  const base: SQL[] = [sql`+${tasks.status} = 'open'`, isCandidateOfTask(input.user)];
  if (readFilterNeeded(input.user, input.ability)) base.push(rulesToWhere(input.ability, 'read', 'Instance', instanceFields(input.user)));
  const cursor = decodeCursor(q.cursor, 2);
  const [afterDue, afterId] = cursor ? cursor.map(String) : [null, null];
  const run = (dated: boolean, after: SQL | undefined, limit: number) =>
    deps.db
      .select({
        id: tasks.id,
        instanceId: tasks.instanceId,
        state: tasks.state,
        purpose: tasks.purpose,
        dueAt: tasks.dueAt,
        createdAt: tasks.createdAt,
        definitionId: instances.definitionId,
        subjectName: organisations.name,
      })
      .from(tasks)
      .innerJoin(instances, eq(instances.id, tasks.instanceId))
      .innerJoin(organisations, eq(organisations.id, instances.subjectOrgId))
      .where(and(...base, dated ? isNotNull(tasks.dueAt) : isNull(tasks.dueAt), after))
      .orderBy(...(dated ? [asc(tasks.dueAt), asc(tasks.id)] : [asc(tasks.id)]))
      .limit(limit)
      .all();
  const rows: ReturnType<typeof run> = [];
  if (afterDue === null || afterDue < NO_DUE) {
    const after = afterDue === null || afterId === null ? undefined : or(gt(tasks.dueAt, afterDue), and(eq(tasks.dueAt, afterDue), gt(tasks.id, afterId)));
    rows.push(...run(true, after, q.limit + 1));
  }
  if (rows.length <= q.limit) {
    const after = afterDue === NO_DUE && afterId !== null ? gt(tasks.id, afterId) : undefined;
    rows.push(...run(false, after, q.limit + 1 - rows.length));
  }
  const now = deps.clock().toISOString();
  const page = pageOf(rows, q.limit, (r) => [r.dueAt ?? NO_DUE, r.id]);
  const defs = definitionsById(deps, page.items.map((r) => r.definitionId));
  const items: TTaskItem[] = page.items.map((t) => {
    const ref = defs.get(t.definitionId);
    return {
      id: t.id,
      instanceId: t.instanceId,
      definitionKey: ref?.key ?? '',
      definitionName: ref?.name ?? { 'zh-CN': '', en: '' },
      state: t.state,
      stateName: stateName(ref, t.state),
      subjectName: t.subjectName,
      purpose: t.purpose,
      dueAt: t.dueAt,
      overdue: t.dueAt !== null && t.dueAt < now,
      createdAt: t.createdAt,
    };
  });
  return { items, nextCursor: page.nextCursor };
}

