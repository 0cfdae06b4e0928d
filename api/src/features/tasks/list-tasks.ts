import { and, asc, eq, gt, or, sql, type SQL } from 'drizzle-orm';
import type { AppAbility } from '../../auth/ability.js';
import { rulesToWhere } from '../../auth/ability-sql.js';
import type { TAuthUser } from '../../auth/user.js';
import { definitions, instances, organisations, tasks } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import { decodeCursor, pageOf } from '../../lib/cursor.js';
import { parsedDefinition } from '../definitions/load-definition.js';
import { instanceFields } from '../instances/instance-subject.js';
import { isCandidateOfTask } from './candidate-match.js';
import type { TTaskItem, TTaskQuery } from './tasks.types.js';

// Tasks without a deadline sort after every dated one.
const NO_DUE = '9999-12-31T23:59:59.999Z';
const dueKey = sql<string>`coalesce(${tasks.dueAt}, ${NO_DUE})`;

/**
 * The inbox: open tasks this user is a candidate for, soonest deadline first, keyset-paginated on
 * (due, id). Instance read rules apply too, so a task can never reveal an instance its holder cannot open.
 */
export function listTasks(deps: Deps, input: { user: TAuthUser; ability: AppAbility; query: TTaskQuery }) {
  const q = input.query;
  const where: SQL[] = [eq(tasks.status, 'open'), isCandidateOfTask(input.user), rulesToWhere(input.ability, 'read', 'Instance', instanceFields(input.user))];
  const cursor = decodeCursor(q.cursor, 2);
  if (cursor) {
    const [due, id] = cursor.map(String);
    const after = or(gt(dueKey, due), and(eq(dueKey, due), gt(tasks.id, id)));
    if (after) where.push(after);
  }
  const rows = deps.db
    .select({ task: tasks, due: dueKey, definition: definitions, subjectName: organisations.name })
    .from(tasks)
    .innerJoin(instances, eq(instances.id, tasks.instanceId))
    .innerJoin(definitions, eq(definitions.id, instances.definitionId))
    .innerJoin(organisations, eq(organisations.id, instances.subjectOrgId))
    .where(and(...where))
    .orderBy(asc(dueKey), asc(tasks.id))
    .limit(q.limit + 1)
    .all();
  const now = deps.clock().toISOString();
  const page = pageOf(rows, q.limit, (r) => [r.due, r.task.id]);
  const items: TTaskItem[] = page.items.map(({ task: t, definition: d, subjectName }) => ({
    id: t.id,
    instanceId: t.instanceId,
    definitionKey: d.key,
    definitionName: { 'zh-CN': d.nameZh, en: d.nameEn },
    state: t.state,
    stateName: parsedDefinition(deps, d).states[t.state]?.name ?? { 'zh-CN': t.state, en: t.state },
    subjectName,
    purpose: t.purpose,
    dueAt: t.dueAt,
    overdue: t.dueAt !== null && t.dueAt < now,
    createdAt: t.createdAt,
  }));
  return { items, nextCursor: page.nextCursor };
}
