import { and, asc, eq, isNull, lte } from 'drizzle-orm';
import { SYSTEM_USER } from '../auth/user.js';
import { tx } from '../db/client.js';
import { timers } from '../db/schema.js';
import type { Deps } from '../deps.js';
import type { EngineEvent } from '../engine.js';
import { applyEvent } from '../features/instances/fire-event.js';
import { asFindingDue, escalateFinding } from '../features/findings/finding-deadline.js';

export type TTimerRun = { fired: number; refused: number };

/** A stored timer event as the engine's event, or null if the row holds something else. */
function toEngineEvent(stored: Record<string, unknown>): EngineEvent | null {
  const { timer, state: step, visit } = stored;
  if ((timer === 'remind' || timer === 'due' || timer === 'noticeEnd') && typeof step === 'string' && typeof visit === 'number') {
    return { type: 'TIMER', timer, state: step, visit };
  }
  return null;
}

/**
 * Fires every due timer as an engine event through the same use-case people use (actor = system),
 * each in its own transaction that also marks the row fired. A crash between fire and mark rolls both
 * back, so the timer fires again later: at-least-once, and the engine refuses stale (state, visit) pairs.
 */
export function runDueTimers(deps: Deps, now: Date = deps.clock(), batch = 100): TTimerRun {
  const run: TTimerRun = { fired: 0, refused: 0 };
  const due = deps.db
    .select({ id: timers.id })
    .from(timers)
    .where(and(isNull(timers.firedAt), isNull(timers.cancelledAt), lte(timers.dueAt, now.toISOString())))
    .orderBy(asc(timers.dueAt), asc(timers.id))
    .limit(batch)
    .all();
  for (const { id } of due) {
    tx(deps.db, () => {
      // Re-read under the write lock: another scheduler or a move may have fired or cancelled it meanwhile.
      const timer = deps.db.select().from(timers).where(and(eq(timers.id, id), isNull(timers.firedAt), isNull(timers.cancelledAt))).get();
      if (!timer) return;
      const findingDue = asFindingDue(timer.event);
      if (findingDue) {
        // A finding's own deadline: escalated once if still open, else nothing to do; either way the row is spent.
        escalateFinding(deps, timer.instanceId, findingDue.itemCode);
        run.fired += 1;
        deps.db.update(timers).set({ firedAt: deps.clock().toISOString() }).where(eq(timers.id, id)).run();
        return;
      }
      const event = toEngineEvent(timer.event);
      const outcome = event
        ? applyEvent(deps, { actor: SYSTEM_USER, instanceId: timer.instanceId, event, expectedVersion: null })
        : new Error('malformed timer event');
      if (outcome instanceof Error) run.refused += 1;
      else run.fired += 1;
      deps.db.update(timers).set({ firedAt: deps.clock().toISOString() }).where(eq(timers.id, id)).run();
    });
  }
  return run;
}
