import { and, eq, inArray } from 'drizzle-orm';
import { appendAudit } from '../../audit/append.js';
import { toAuthUser, type TAuthUser } from '../../auth/user.js';
import { tx, txOrThrow } from '../../db/client.js';
import { instances, roleGrants, taskCandidates, tasks, users } from '../../db/schema.js';
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
 * - reassign: a departing person's open tasks are transferred (转办) to a successor. The engine only
 *   lets a task's handler transfer it, so the transfer is fired on the departing person's behalf; the
 *   administrator who ordered it is recorded in a `task.bulkReassign` audit event.
 */
export function bulkTasks(deps: Deps, input: TBulkTasksBody & { actor: TAuthUser }): TBulkTasksResult {
  return input.action === 'chase' ? chase(deps, input.actor, input.taskIds) : reassign(deps, input);
}

function openTasksById(deps: Deps, ids: string[]) {
  return deps.db
    .select({ id: tasks.id, instanceId: tasks.instanceId, version: instances.version })
    .from(tasks)
    .innerJoin(instances, eq(instances.id, tasks.instanceId))
    .where(and(inArray(tasks.id, ids), eq(tasks.status, 'open')))
    .all();
}

function chase(deps: Deps, actor: TAuthUser, taskIds: string[]): TBulkTasksResult {
  const ids = [...new Set(taskIds)];
  const open = openTasksById(deps, ids);
  const found = new Set(open.map((t) => t.id));
  const failed: TFailure[] = ids.filter((id) => !found.has(id)).map((id) => failure(id, new AppError('NOT_FOUND')));
  const byInstance = new Map<string, typeof open>();
  for (const t of open) byInstance.set(t.instanceId, [...(byInstance.get(t.instanceId) ?? []), t]);
  let done = 0;
  for (const [instanceId, group] of byInstance) {
    try {
      fireEvent(deps, { actor, instanceId, event: { type: 'CHASE' }, expectedVersion: group[0]?.version ?? 0 });
      done += group.length;
    } catch (error) {
      failed.push(...group.map((t) => failure(t.id, error)));
    }
  }
  return { done, failed };
}

function reassign(deps: Deps, input: Extract<TBulkTasksBody, { action: 'reassign' }> & { actor: TAuthUser }): TBulkTasksResult {
  const { actor } = input;
  const from = txOrThrow(deps.db, () => {
    const denied = authorize(deps, actor, { action: 'update', type: 'User', entityId: input.fromUserId, auditAction: 'task.bulkReassign' });
    if (denied) return denied;
    const row = deps.db.select().from(users).where(eq(users.id, input.fromUserId)).get();
    const to = deps.db.select().from(users).where(eq(users.id, input.toUserId)).get();
    if (!row) return new AppError('VALIDATION', { status: 422, fieldErrors: { fromUserId: { 'zh-CN': '原办理人不存在', en: 'No such user' } } });
    if (!to || to.disabled) return new AppError('VALIDATION', { status: 422, fieldErrors: { toUserId: { 'zh-CN': '接替人不存在或已停用', en: 'The successor does not exist or is disabled' } } });
    if (to.id === row.id) return new AppError('VALIDATION', { status: 422, fieldErrors: { toUserId: { 'zh-CN': '接替人不能是原办理人', en: 'The successor must be someone else' } } });
    // The departing person may already be disabled: act with their grants regardless, as loadAuthUser would not.
    return toAuthUser(row, deps.db.select().from(roleGrants).where(eq(roleGrants.userId, row.id)).all());
  });
  const named = deps.db
    .selectDistinct({ id: tasks.id })
    .from(taskCandidates)
    .innerJoin(tasks, eq(tasks.id, taskCandidates.taskId))
    .where(and(eq(taskCandidates.userId, from.id), eq(tasks.status, 'open'), input.taskIds ? inArray(tasks.id, input.taskIds) : undefined))
    .all()
    .map((t) => t.id);
  const failed: TFailure[] = [];
  let done = 0;
  for (const t of openTasksById(deps, named)) {
    try {
      // Re-read the version: an earlier item may have moved the same instance.
      const version = deps.db.select({ v: instances.version }).from(instances).where(eq(instances.id, t.instanceId)).get()?.v ?? t.version;
      fireEvent(deps, { actor: from, instanceId: t.instanceId, event: { type: 'TRANSFER', data: { to: input.toUserId }, comment: `由管理员 ${actor.displayName} 批量转办` }, expectedVersion: version });
      done += 1;
    } catch (error) {
      failed.push(failure(t.id, error));
    }
  }
  tx(deps.db, () =>
    appendAudit(deps.db, {
      at: deps.clock().toISOString(),
      actor,
      action: 'task.bulkReassign',
      entityType: 'User',
      entityId: from.id,
      outcome: failed.length === 0 ? 'success' : 'failed',
      meta: { toUserId: input.toUserId, done, failed: failed.map((f) => ({ taskId: f.taskId, code: f.code })) },
    }),
  );
  return { done, failed };
}
