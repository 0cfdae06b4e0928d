import { and, eq, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';

import type { AppAbility } from '../../auth/ability.js';
import { rulesToWhere } from '../../auth/ability-sql.js';
import type { TAuthUser } from '../../auth/user.js';
import { burdenReports, instances, organisations, tasks } from '../../db/schema.js';
import { noIndex } from '../../db/sql-dialect.js';
import type { Deps } from '../../deps.js';
import { resolveSort, sortedPage, type SortSpec } from '../../lib/sorted-keyset.js';
import { BURDEN_TASK } from '../burden/burden-task.js';
import { definitionsById, stateName } from '../definitions/definitions-by-id.js';
import { instanceFields } from '../instances/instance-subject.js';
import { stepBlocks, workflowBlocks } from '../workflow-rules/block-summary.js';
import { isCandidateOfTask } from './candidate-match.js';
import type { TTaskItem, TTaskQuery } from './tasks.types.js';

const requester = alias(organisations, 'requester');

/** The inbox's sorts: it is driven from the user's candidate rows (few), so SQLite sorts a small set. */
const TASK_SORT: SortSpec<'dueAt' | 'createdAt'> = {
  fields: { dueAt: { column: tasks.dueAt, nullable: true }, createdAt: { column: tasks.createdAt } },
  id: tasks.id,
  defaultSort: 'dueAt',
  defaultOrder: 'asc',
};

/**
 * Everyone with a role may read an instance on which a task waits for them (ability.ts, participantIds),
 * so the instance read filter only repeats the candidate match — unless a `cannot` rule narrows reading.
 */
function readFilterNeeded(user: TAuthUser, ability: AppAbility): boolean {
  return user.roles.length === 0 || ability.rulesFor('read', 'Instance').some((r) => r.inverted);
}

/**
 * The inbox: open tasks this user is a candidate for, soonest deadline first (or ?sort=createdAt),
 * keyset-paginated on (column, id); undated tasks come last in either order (lib/sorted-keyset.ts).
 */
export async function listTasks(deps: Deps, input: { user: TAuthUser; ability: AppAbility; query: TTaskQuery }) {
  const q = input.query;
  // Drive from the user's candidate rows (few) by primary key; the `+` stops SQLite from walking every
  // open task in the district through the status index and probing each against the list.
  const base: SQL[] = [sql`${noIndex(deps.db, tasks.status)} = 'open'`, isCandidateOfTask(deps.db, input.user)];
  if (readFilterNeeded(input.user, input.ability))
    base.push(rulesToWhere(input.ability, 'read', 'Instance', instanceFields(input.user, deps.db)));
  const plan = resolveSort(TASK_SORT, q);
  const read = async (after: SQL | undefined, orderBy: SQL[], limit: number) =>
    await deps.db
      .select({
        id: tasks.id,
        instanceId: tasks.instanceId,
        burdenReportId: tasks.burdenReportId,
        state: tasks.state,
        purpose: tasks.purpose,
        dueAt: tasks.dueAt,
        createdAt: tasks.createdAt,
        definitionId: instances.definitionId,
        subjectName: organisations.name,
        title: instances.title,
        requesterName: requester.name,
      })
      .from(tasks)
      // A 负担码 report's task has no instance: its subject is the report's school.
      .leftJoin(instances, eq(instances.id, tasks.instanceId))
      .leftJoin(burdenReports, eq(burdenReports.id, tasks.burdenReportId))
      .innerJoin(
        organisations,
        eq(organisations.id, sql`coalesce(${instances.subjectOrgId}, ${burdenReports.schoolId})`),
      )
      .leftJoin(requester, eq(requester.id, instances.requesterOrgId))
      .where(and(...base, after))
      .orderBy(...orderBy)
      .limit(limit);
  const now = deps.clock().toISOString();
  const page = await sortedPage(
    plan,
    q.limit,
    read,
    (r) => r[plan.field],
    (r) => r.id,
  );
  const defs = await definitionsById(
    deps,
    page.items.flatMap((r) => (r.definitionId ? [r.definitionId] : [])),
  );
  const items: TTaskItem[] = page.items.map((t) => {
    const ref = t.definitionId ? defs.get(t.definitionId) : undefined;
    const burden = t.burdenReportId !== null;
    return {
      id: t.id,
      instanceId: t.instanceId,
      burdenReportId: t.burdenReportId,
      definitionKey: burden ? BURDEN_TASK.key : (ref?.key ?? ''),
      definitionName: burden ? BURDEN_TASK.name : (ref?.name ?? { 'zh-CN': '', en: '' }),
      workflowBlocks: ref ? workflowBlocks(ref.def) : [],
      stepBlocks: ref ? stepBlocks(ref.def, t.state) : [],
      state: t.state,
      stateName: burden ? BURDEN_TASK.stateName : stateName(ref, t.state),
      subjectName: t.subjectName,
      title: burden ? BURDEN_TASK.name : (t.title ?? ref?.name ?? { 'zh-CN': '', en: '' }),
      requesterName: t.requesterName ?? t.subjectName,
      purpose: t.purpose,
      dueAt: t.dueAt,
      overdue: t.dueAt !== null && t.dueAt < now,
      createdAt: t.createdAt,
    };
  });
  return { items, nextCursor: page.nextCursor };
}
