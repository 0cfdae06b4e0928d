import { and, eq, isNotNull } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { auditEvents, timers } from '../db/schema.js';
import { startInstance } from '../features/instances/start-instance.js';
import { type Harness, makeHarness } from '../test/harness.js';
import { runDueTimers } from './run-due-timers.js';
import { startScheduler } from './start-scheduler.js';

const DAY = 24 * 60 * 60 * 1000;
let h: Harness;

// 50 drafts, each with a due and a reminder timer: 100 due timers, one full batch, after ten days.
beforeEach(async () => {
  h = await makeHarness();
  const definitionId = await h.publish();
  const principal = await h.authUser('principalA');
  for (let i = 0; i < 50; i += 1)
    await startInstance(h.deps, {
      definitionId,
      subjectOrgId: h.orgs.schoolA,
      data: { title: `定时${i}` },
      actor: principal,
    });
  h.clock.advance(10 * DAY);
});
afterEach(() => h.close());

const firedCount = async () =>
  (await h.db.select({ id: timers.id }).from(timers).where(isNotNull(timers.firedAt))).length;
const systemSuccesses = async () =>
  (
    await h.db
      .select({ seq: auditEvents.seq })
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.actorId, 'system'),
          eq(auditEvents.action, 'instance.event'),
          eq(auditEvents.outcome, 'success'),
        ),
      )
  ).length;

// Issue 11: a tick of a hundred deadlines used to hold the only thread until the last one was fired.
describe('a scheduler tick shares the thread', () => {
  it('lets other work run between the timers of one run, each timer still fired once in its own transaction', async () => {
    const seen: number[] = [];
    let done = false;
    const watch = async () => {
      if (done) return;
      seen.push(await firedCount());
      setImmediate(() => void watch());
    };
    setImmediate(() => void watch());
    const run = await runDueTimers(h.deps, h.clock.now(), { sliceMs: 0 });
    done = true;
    expect(run).toEqual({ fired: 100, refused: 0 });
    // The watcher, scheduled before the run began, ran while it was in progress, between committed timers.
    const between = seen.filter((n) => n > 0 && n < 100);
    expect(between.length).toBeGreaterThan(10);
    expect(await firedCount()).toBe(100);
    expect(await systemSuccesses()).toBe(100);
  });

  it('pauses long enough between timers for the loop to go round several times (a new connection needs several turns)', async () => {
    const seen: number[] = [];
    let done = false;
    const watch = async () => {
      if (done) return;
      seen.push(await firedCount());
      setImmediate(() => void watch());
    };
    setImmediate(() => void watch());
    await runDueTimers(h.deps, h.clock.now(), { sliceMs: 0 });
    done = true;
    // Turns per pause: how many times in a row the watcher saw the same count between two timers.
    const runs = new Map<number, number>();
    for (const n of seen) runs.set(n, (runs.get(n) ?? 0) + 1);
    const between = [...runs].filter(([n]) => n > 0 && n < 100).map(([, turns]) => turns);
    expect(Math.max(...between)).toBeGreaterThanOrEqual(3);
  });

  it('the scheduler’s tick answers other callbacks before it finishes, and a second tick meanwhile does not run', async () => {
    const scheduler = startScheduler(h.deps, 3_600_000);
    try {
      let otherRanAt: number | null = null;
      setImmediate(() => {
        void firedCount().then((n) => (otherRanAt = n));
      });
      const first = scheduler.tick();
      const second = await scheduler.tick();
      const run = await first;
      expect(second).toBeNull();
      expect(run).toEqual({ fired: 100, refused: 0 });
      expect(otherRanAt).not.toBeNull();
      expect(otherRanAt).toBeLessThan(100);
      // The start-up tick (setImmediate) found this one running too: every timer fired exactly once.
      expect(await systemSuccesses()).toBe(100);
      expect(await scheduler.tick()).toEqual({ fired: 0, refused: 0 });
    } finally {
      scheduler.stop();
    }
  });

  it('a stopped scheduler ends its tick before the next timer', async () => {
    const scheduler = startScheduler(h.deps, 3_600_000);
    const tick = scheduler.tick();
    scheduler.stop();
    const run = await tick;
    expect(run && run.fired).toBeLessThan(100);
    expect(await scheduler.tick()).toBeNull();
  });
});
