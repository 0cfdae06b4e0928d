import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { tx } from '../db/client.js';
import { auditEvents, instances, timers } from '../db/schema.js';
import { fireEvent } from '../features/instances/fire-event.js';
import { startInstance } from '../features/instances/start-instance.js';
import { type Harness, makeHarness } from '../test/harness.js';
import { runDueTimers } from './run-due-timers.js';

let h: Harness;
let definitionId: string;
const DAY = 24 * 60 * 60 * 1000;

beforeAll(async () => {
  h = await makeHarness();
  definitionId = await h.publish();
});
afterAll(() => h.close());

const start = async () =>
  (
    await startInstance(h.deps, {
      definitionId,
      subjectOrgId: h.orgs.schoolA,
      data: { title: '定时' },
      actor: await h.authUser('principalA'),
    })
  ).body;
const timersOf = async (id: string) => await h.db.select().from(timers).where(eq(timers.instanceId, id));

describe('durable timers', () => {
  it('entering a step with a deadline stores its due and reminder timers as rows', async () => {
    const view = await start();
    const rows = await timersOf(view.id);
    expect(rows.map((t) => t.timerKey).sort()).toEqual(['draft:1:due', 'draft:1:remind']);
    expect(rows.every((t) => t.firedAt === null && t.cancelledAt === null)).toBe(true);
  });

  it('fires what is due, as the system actor, marks it fired, and is idempotent on a second run', async () => {
    const view = await start();
    const nothing = await runDueTimers(h.deps, h.clock.now());
    expect(nothing.fired).toBe(0);
    h.clock.advance(10 * DAY);
    const run = await runDueTimers(h.deps, h.clock.now());
    expect(run.fired).toBeGreaterThanOrEqual(2);
    expect((await timersOf(view.id)).every((t) => t.firedAt !== null)).toBe(true);
    const systemEvents = await h.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, view.id), eq(auditEvents.actorId, 'system')));
    expect(systemEvents.filter((e) => e.outcome === 'success')).toHaveLength(2);
    expect(await runDueTimers(h.deps, h.clock.now())).toEqual({ fired: 0, refused: 0 });
  });

  it('leaving the step cancels its timers, so they never fire', async () => {
    const view = await start();
    await fireEvent(h.deps, {
      actor: await h.authUser('principalA'),
      instanceId: view.id,
      event: { type: 'SUBMIT' },
      expectedVersion: 1,
    });
    expect((await timersOf(view.id)).every((t) => t.cancelledAt !== null)).toBe(true);
    h.clock.advance(30 * DAY);
    await runDueTimers(h.deps, h.clock.now());
    expect((await timersOf(view.id)).every((t) => t.firedAt === null)).toBe(true);
  });

  it('a stale timer (fired again after a crash, for a past visit) is refused by the engine and changes nothing', async () => {
    const view = await start();
    await fireEvent(h.deps, {
      actor: await h.authUser('principalA'),
      instanceId: view.id,
      event: { type: 'SUBMIT' },
      expectedVersion: 1,
    });
    // Simulate at-least-once delivery: the row comes back as unfired and uncancelled.
    await tx(h.db, () => h.db.update(timers).set({ cancelledAt: null }).where(eq(timers.instanceId, view.id)));
    const version = (await h.db.select().from(instances).where(eq(instances.id, view.id)).limit(1))[0]?.version;
    h.clock.advance(10 * DAY);
    const run = await runDueTimers(h.deps, h.clock.now());
    expect(run.refused).toBeGreaterThanOrEqual(1);
    expect((await h.db.select().from(instances).where(eq(instances.id, view.id)).limit(1))[0]?.version).toBe(version);
    expect(await runDueTimers(h.deps, h.clock.now())).toEqual({ fired: 0, refused: 0 });
  });
});
