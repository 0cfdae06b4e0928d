import { and, eq, inArray, notInArray } from 'drizzle-orm';

import { appendAuditAlone } from '../../audit/append.js';
import type { TAuthUser } from '../../auth/user.js';
import { txOrThrow } from '../../db/client.js';
import { instanceParticipants, instances, taskCandidates, tasks, users } from '../../db/schema.js';
import { isSet } from '../../db/sql-dialect.js';
import type { Deps } from '../../deps.js';
import { AppError, toAppError } from '../../errors.js';
import { authorize } from '../authorize.js';
import { fireEvent } from '../instances/fire-event.js';
import type { TBulkTasksBody, TBulkTasksResult } from './bulk-tasks.types.js';

type TFailure = TBulkTasksResult['failed'][number];
const failure = (taskId: string, error: unknown): TFailure => {
  const e = toAppError(error);
  // The field's own message says what is wrong with this item; the generic one would not.
  const detail = e.fieldErrors ? Object.values(e.fieldErrors)[0] : undefined;
  return { taskId, code: e.code, message: detail ?? e.localized };
};

/**
 * Bulk actions from the console, item by item so one refusal never blocks the rest: each task's move
 * is its own transaction through the engine, with the engine's and CASL's answer per item.
 * - chase (催办): the caller fires CHASE on each task's instance (once per instance).
 * - reassign: a departing person's work goes to a successor, one engine REASSIGN per instance fired by
 *   the administrator (audited per instance with from/to, and once as `task.bulkReassign`): their open
 *   tasks in any step, with or without 转办, and their assignments, so later steps go to the successor.
 */
export async function bulkTasks(deps: Deps, input: TBulkTasksBody & { actor: TAuthUser }): Promise<TBulkTasksResult> {
  return input.action === 'chase' ? await chase(deps, input.actor, input.taskIds) : await reassign(deps, input);
}

async function openTasksById(deps: Deps, ids: string[]) {
  return await deps.db
    .select({ id: tasks.id, instanceId: instances.id, version: instances.version })
    .from(tasks)
    .innerJoin(instances, eq(instances.id, tasks.instanceId))
    .where(and(inArray(tasks.id, ids), eq(tasks.status, 'open')));
}

async function chase(deps: Deps, actor: TAuthUser, taskIds: string[]): Promise<TBulkTasksResult> {
  const ids = [...new Set(taskIds)];
  const open = await openTasksById(deps, ids);
  const found = new Set(open.map((t) => t.id));
  const failed: TFailure[] = ids.filter((id) => !found.has(id)).map((id) => failure(id, new AppError('NOT_FOUND')));
  const byInstance = new Map<string, typeof open>();
  for (const t of open) byInstance.set(t.instanceId, [...(byInstance.get(t.instanceId) ?? []), t]);
  let done = 0;
  for (const [instanceId, group] of byInstance) {
    try {
      await fireEvent(deps, { actor, instanceId, event: { type: 'CHASE' }, expectedVersion: group[0]?.version ?? 0 });
      done += group.length;
    } catch (error) {
      failed.push(...group.map((t) => failure(t.id, error)));
    }
  }
  return { done, failed };
}

async function reassign(
  deps: Deps,
  input: Extract<TBulkTasksBody, { action: 'reassign' }> & { actor: TAuthUser },
): Promise<TBulkTasksResult> {
  const { actor } = input;
  const fromId = await txOrThrow(deps.db, async () => {
    const denied = await authorize(deps, actor, {
      action: 'update',
      type: 'User',
      entityId: input.fromUserId,
      auditAction: 'task.bulkReassign',
    });
    if (denied) return denied;
    const row = (await deps.db.select().from(users).where(eq(users.id, input.fromUserId)).limit(1))[0];
    const to = (await deps.db.select().from(users).where(eq(users.id, input.toUserId)).limit(1))[0];
    if (!row)
      return new AppError('VALIDATION', {
        status: 422,
        fieldErrors: { fromUserId: { 'zh-CN': '原办理人不存在', en: 'No such user' } },
      });
    if (!to || to.disabled)
      return new AppError('VALIDATION', {
        status: 422,
        fieldErrors: {
          toUserId: { 'zh-CN': '接替人不存在或已停用', en: 'The successor does not exist or is disabled' },
        },
      });
    if (to.id === row.id)
      return new AppError('VALIDATION', {
        status: 422,
        fieldErrors: { toUserId: { 'zh-CN': '接替人不能是原办理人', en: 'The successor must be someone else' } },
      });
    return row.id;
  });
  const failed: TFailure[] = [];
  let done = 0;
  for (const { instanceId, taskIds } of await workOf(deps, fromId, input.taskIds)) {
    try {
      // Re-read the version: the previous item's event may have been this instance's too (never twice here, but cheap).
      const version =
        (await deps.db.select({ v: instances.version }).from(instances).where(eq(instances.id, instanceId)).limit(1))[0]
          ?.v ?? 0;
      await fireEvent(deps, {
        actor,
        instanceId,
        event: { type: 'REASSIGN', data: { from: fromId, to: input.toUserId } },
        expectedVersion: version,
      });
      done += 1;
    } catch (error) {
      failed.push({ ...failure(taskIds[0] ?? '', error), instanceId });
    }
  }
  await appendAuditAlone(deps.db, {
    at: deps.clock().toISOString(),
    actor,
    action: 'task.bulkReassign',
    entityType: 'User',
    entityId: fromId,
    outcome: failed.length === 0 ? 'success' : 'failed',
    meta: {
      fromUserId: fromId,
      toUserId: input.toUserId,
      done,
      failed: failed.map((f) => ({ instanceId: f.instanceId, taskId: f.taskId, code: f.code })),
    },
  });
  return { done, failed };
}

/**
 * The running instances holding work of `userId`: open tasks naming them and, unless the caller chose
 * tasks, instances whose current assignments name them (the inspector of a school not yet at the
 * inspection step). Participant rows only grow, so each candidate's snapshot is read to confirm.
 */
async function workOf(
  deps: Deps,
  userId: string,
  only: string[] | undefined,
): Promise<Array<{ instanceId: string; taskIds: string[] }>> {
  const byInstance = new Map<string, string[]>();
  const open = await deps.db
    // created_at is selected because it orders the rows (PostgreSQL: a DISTINCT's order is in its list).
    .selectDistinct({ id: tasks.id, instanceId: tasks.instanceId, createdAt: tasks.createdAt })
    .from(taskCandidates)
    .innerJoin(tasks, eq(tasks.id, taskCandidates.taskId))
    // `open = 1` (the candidate row's copy of the task's status) lets the lookup use the open-only index.
    .where(
      and(
        eq(taskCandidates.userId, userId),
        isSet(deps.db, taskCandidates.open),
        eq(tasks.status, 'open'),
        only ? inArray(tasks.id, only) : undefined,
      ),
    )
    .orderBy(tasks.createdAt, tasks.id);
  // A 负担码 report's task belongs to no instance and names no user: nothing of it to hand over.
  for (const t of open) if (t.instanceId) byInstance.set(t.instanceId, [...(byInstance.get(t.instanceId) ?? []), t.id]);
  if (only) return [...byInstance].map(([instanceId, taskIds]) => ({ instanceId, taskIds }));
  const assigned = await deps.db
    // Each instance once, by `in` (not DISTINCT over the snapshot: PostgreSQL cannot compare json).
    .select({ id: instances.id, snapshot: instances.snapshot })
    .from(instances)
    .where(
      and(
        inArray(
          instances.id,
          deps.db
            .select({ id: instanceParticipants.instanceId })
            .from(instanceParticipants)
            .where(
              and(
                eq(instanceParticipants.userId, userId),
                notInArray(instanceParticipants.role, ['candidate', 'reader']),
              ),
            ),
        ),
        eq(instances.status, 'running'),
      ),
    )
    .orderBy(instances.createdAt, instances.id);
  for (const row of assigned) {
    const assignments = ((row.snapshot as { context?: { assignments?: Record<string, string[]> } }).context
      ?.assignments ?? {}) as Record<string, string[]>;
    if (!byInstance.has(row.id) && Object.values(assignments).some((ids) => ids.includes(userId)))
      byInstance.set(row.id, []);
  }
  return [...byInstance].map(([instanceId, taskIds]) => ({ instanceId, taskIds }));
}
