import { and, asc, eq, isNull, lte } from 'drizzle-orm';

import { SYSTEM_USER } from '../auth/user.js';
import { tx } from '../db/client.js';
import { timers } from '../db/schema.js';
import { claimingRows } from '../db/take-turns.js';
import type { Deps } from '../deps.js';
import type { EngineEvent } from '../engine.js';
import { asFindingDue, escalateFinding } from '../features/findings/finding-deadline.js';
import { applyEvent } from '../features/instances/fire-event.js';
import { SLICE_MS, slices } from '../lib/slices.js';

export type TTimerRun = { fired: number; refused: number };

export type TTimerRunOptions = {
  /** Most timers one run takes (the rest wait for the next tick). */
  batch?: number;
  /** Longest the run holds the thread before yielding to other requests; 0 yields after every timer. */
  sliceMs?: number;
  /** Asked between timers: true stops the run there (the server is shutting down). */
  stopped?: () => boolean;
};

/** A stored timer event as the engine's event, or null if the row holds something else. */
function toEngineEvent(stored: Record<string, unknown>): EngineEvent | null {
  const { timer, state: step, visit } = stored;
  if (
    (timer === 'remind' || timer === 'due' || timer === 'noticeEnd') &&
    typeof step === 'string' &&
    typeof visit === 'number'
  ) {
    return { type: 'TIMER', timer, state: step, visit };
  }
  return null;
}

/**
 * Fires every due timer as an engine event through the same use-case people use (actor = system),
 * each in its own transaction that also marks the row fired. A crash between fire and mark rolls both
 * back, so the timer fires again later: at-least-once, and the engine refuses stale (state, visit) pairs.
 * The run yields to the event loop between timers every `sliceMs`, so a tick of a hundred deadlines
 * never holds up the requests arriving meanwhile (issue 11); each timer is re-read under the write
 * lock, so whatever those requests changed in between is seen.
 */
export async function runDueTimers(
  deps: Deps,
  now: Date = deps.clock(),
  opts: TTimerRunOptions = {},
): Promise<TTimerRun> {
  const { batch = 100, sliceMs = SLICE_MS, stopped = () => false } = opts;
  const run: TTimerRun = { fired: 0, refused: 0 };
  const due = await deps.db
    .select({ id: timers.id })
    .from(timers)
    .where(and(isNull(timers.firedAt), isNull(timers.cancelledAt), lte(timers.dueAt, now.toISOString())))
    .orderBy(asc(timers.dueAt), asc(timers.id))
    .limit(batch);
  const slice = slices(sliceMs);
  for (const { id } of due) {
    await slice.pause();
    if (stopped()) break;
    await fireTimer(deps, id, run);
  }
  return run;
}

/** One timer, in its own transaction. */
async function fireTimer(deps: Deps, id: string, run: TTimerRun): Promise<void> {
  await tx(deps.db, async () => {
    // Re-read and claimed: another node's scheduler or a move may have fired or cancelled it meanwhile, or
    // be firing it now (its row is then skipped here and the other node's transaction fires it once).
    const timer = (
      await claimingRows(
        deps.db,
        deps.db
          .select()
          .from(timers)
          .where(and(eq(timers.id, id), isNull(timers.firedAt), isNull(timers.cancelledAt)))
          .limit(1),
      )
    )[0];
    if (!timer) return;
    const findingDue = asFindingDue(timer.event);
    if (findingDue) {
      // A finding's own deadline: escalated once if still open, else nothing to do; either way the row is spent.
      await escalateFinding(deps, timer.instanceId, findingDue.itemCode);
      run.fired += 1;
      await deps.db.update(timers).set({ firedAt: deps.clock().toISOString() }).where(eq(timers.id, id));
      return;
    }
    const event = toEngineEvent(timer.event);
    const outcome = event
      ? await applyEvent(deps, {
          actor: SYSTEM_USER,
          instanceId: timer.instanceId,
          event,
          expectedVersion: null,
          timerDueAt: timer.dueAt,
        })
      : new Error('malformed timer event');
    if (outcome instanceof Error) run.refused += 1;
    else run.fired += 1;
    await deps.db.update(timers).set({ firedAt: deps.clock().toISOString() }).where(eq(timers.id, id));
  });
}
