import { and, eq, isNull } from 'drizzle-orm';

import { taskCandidates, tasks, timers } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import type { Effect, TaskCandidate } from '../../engine.js';
import { resolveTaskNotices } from '../notifications/resolve-notices.js';
import { storeNotifications } from '../notifications/store-notifications.js';
import { refreshInstanceDue } from './instance-due.js';

/**
 * Performs the engine's effects inside the caller's transaction. Each is idempotent (upserts keyed by
 * instance + task/timer key), so a timer fired twice by an at-least-once scheduler changes nothing twice.
 * Returns the users named on tasks and the copy-to readers, who become participants.
 */
export async function applyEffects(
  deps: Deps,
  instanceId: string,
  effects: Effect[],
): Promise<{ named: string[]; readers: string[] }> {
  const at = deps.clock().toISOString();
  const named: string[] = [];
  const readers: string[] = [];
  for (const effect of effects) {
    switch (effect.type) {
      case 'openTask': {
        const existing = (
          await deps.db
            .select({ id: tasks.id })
            .from(tasks)
            .where(and(eq(tasks.instanceId, instanceId), eq(tasks.taskKey, effect.taskKey)))
            .limit(1)
        )[0];
        const id = existing?.id ?? crypto.randomUUID();
        const fields = { state: effect.state, purpose: effect.purpose, dueAt: effect.dueAt, status: 'open' as const };
        if (existing) {
          await deps.db
            .update(tasks)
            .set({ ...fields, outcome: null, closedBy: null, closedAt: null })
            .where(eq(tasks.id, id));
          await deps.db.delete(taskCandidates).where(eq(taskCandidates.taskId, id));
        } else {
          await deps.db.insert(tasks).values({ id, instanceId, taskKey: effect.taskKey, createdAt: at, ...fields });
        }
        if (effect.candidates.length)
          await deps.db.insert(taskCandidates).values(effect.candidates.map((c) => candidateRow(id, c)));
        for (const c of effect.candidates) if ('userId' in c) named.push(c.userId);
        break;
      }
      case 'reassignTask': {
        // Transfer / delegate / add-signer: the same task now waits on other people.
        const task = (
          await deps.db
            .select({ id: tasks.id })
            .from(tasks)
            .where(and(eq(tasks.instanceId, instanceId), eq(tasks.taskKey, effect.taskKey)))
            .limit(1)
        )[0];
        if (!task) break;
        await deps.db.delete(taskCandidates).where(eq(taskCandidates.taskId, task.id));
        if (effect.candidates.length)
          await deps.db.insert(taskCandidates).values(effect.candidates.map((c) => candidateRow(task.id, c)));
        for (const c of effect.candidates) if ('userId' in c) named.push(c.userId);
        break;
      }
      case 'addReaders':
        // Copy-to (抄送): readers become participants, which is what CASL's read rule for them tests.
        readers.push(...effect.userIds);
        break;
      case 'closeTask': {
        const task = (
          await deps.db
            .select({ id: tasks.id, state: tasks.state })
            .from(tasks)
            .where(and(eq(tasks.instanceId, instanceId), eq(tasks.taskKey, effect.taskKey), eq(tasks.status, 'open')))
            .limit(1)
        )[0];
        if (!task) break;
        await deps.db
          .update(tasks)
          .set({ status: 'closed', outcome: effect.outcome, closedBy: effect.byUserId, closedAt: at })
          .where(eq(tasks.id, task.id));
        await resolveTaskNotices(deps, instanceId, task, effect.byUserId, at);
        break;
      }
      case 'scheduleTimer':
        await deps.db
          .insert(timers)
          .values({
            instanceId,
            timerKey: effect.timerKey,
            dueAt: effect.dueAt,
            event: effect.event,
            firedAt: null,
            cancelledAt: null,
          })
          .onConflictDoUpdate({
            target: [timers.instanceId, timers.timerKey],
            set: { dueAt: effect.dueAt, event: effect.event, firedAt: null, cancelledAt: null },
          });
        break;
      case 'cancelTimer':
        await deps.db
          .update(timers)
          .set({ cancelledAt: at })
          .where(
            and(
              eq(timers.instanceId, instanceId),
              eq(timers.timerKey, effect.timerKey),
              isNull(timers.firedAt),
              isNull(timers.cancelledAt),
            ),
          );
        break;
      case 'notify':
        // In-app rows per recipient; delivery channels (SMS, 钉钉, mail) can later read the same rows.
        await storeNotifications(deps, instanceId, effect);
        break;
      case 'moved':
        // Read by the action's blocks (record-blocks.ts); nothing to perform here.
        break;
      case 'decided':
        // Kept in the snapshot; the caller puts the reasons into the event's audit (decided-reasons.ts).
        break;
      default:
        // An effect this API does not know yet must not be silently half-applied: fail the transaction.
        throw new Error(`unknown engine effect ${JSON.stringify(effect satisfies never)}`);
    }
  }
  // Always, not only on task effects: a migration closes the old tasks itself before calling here.
  await refreshInstanceDue(deps, instanceId);
  return { named, readers };
}

const candidateRow = (taskId: string, c: TaskCandidate) =>
  'userId' in c
    ? { taskId, userId: c.userId, role: null, orgId: null }
    : { taskId, userId: null, role: c.role, orgId: c.orgId };

/** Task ids still open for an instance, for the instance view. */
export const openTasksOf = async (deps: Deps, instanceId: string) =>
  await deps.db
    .select({ id: tasks.id, state: tasks.state, dueAt: tasks.dueAt })
    .from(tasks)
    .where(and(eq(tasks.instanceId, instanceId), eq(tasks.status, 'open')))
    .orderBy(tasks.createdAt, tasks.id);
