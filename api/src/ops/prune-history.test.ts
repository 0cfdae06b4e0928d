import { type SQL, sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { verifyAuditChain } from '../audit/verify.js';
import { fireEvent } from '../features/instances/fire-event.js';
import { startInstance } from '../features/instances/start-instance.js';
import { readNotification } from '../features/notifications/read-notification.js';
import { type Harness, makeHarness } from '../test/harness.js';
import { PRUNE_RULES, pruneHistory } from './prune-history.js';

const DAY = 24 * 60 * 60 * 1000;
let h: Harness;
beforeEach(async () => {
  h = await makeHarness();
});
afterEach(() => h.close());

const count = async (rows: SQL) => Number((await h.sql(sql`select count(*) as n from ${rows}`))[0]?.n);

/** One instance taken to its end (its reminder and deadline timers cancelled on the way), one left running. */
async function finishedAndRunning() {
  const definitionId = await h.publish();
  const start = async (title: string) =>
    (
      await startInstance(h.deps, {
        actor: await h.authUser('principalA'),
        definitionId,
        subjectOrgId: h.orgs.schoolA,
        data: { title },
      })
    ).body;
  const done = await start('已完成');
  let version = (
    await fireEvent(h.deps, {
      actor: await h.authUser('principalA'),
      instanceId: done.id,
      event: { type: 'SUBMIT' },
      expectedVersion: done.version,
    })
  ).version;
  for (const r of ['reviewer1', 'reviewer2'])
    version = (
      await fireEvent(h.deps, {
        actor: await h.authUser(r),
        instanceId: done.id,
        event: { type: 'APPROVE' },
        expectedVersion: version,
      })
    ).version;
  const running = await start('进行中');
  return { done: done.id, running: running.id };
}

describe('pruning history the server no longer reads (issue 11, storage)', () => {
  it('deletes the fired or cancelled timers of instances completed over 30 days ago; never a pending timer, never a running instance’s', async () => {
    const { done, running } = await finishedAndRunning();
    expect(await count(sql`instances where id = ${done} and status = 'completed'`)).toBe(1);
    const doneTimers = await count(sql`timers where instance_id = ${done}`);
    expect(doneTimers).toBeGreaterThan(0);
    const pending = await count(
      sql`timers where instance_id = ${running} and fired_at is null and cancelled_at is null`,
    );
    expect(pending).toBeGreaterThan(0);

    h.clock.advance((PRUNE_RULES.timerDays - 1) * DAY);
    expect((await pruneHistory(h.db, h.clock.now())).timers).toBe(0);
    expect(await count(sql`timers where instance_id = ${done}`)).toBe(doneTimers);

    h.clock.advance(2 * DAY);
    expect((await pruneHistory(h.db, h.clock.now())).timers).toBe(doneTimers);
    expect(await count(sql`timers where instance_id = ${done}`)).toBe(0);
    expect(await count(sql`timers where instance_id = ${running} and fired_at is null and cancelled_at is null`)).toBe(
      pending,
    );
  });

  it('deletes notifications 90 days after they were read, unread ones after a year; audit events are kept and the chain still verifies', async () => {
    await finishedAndRunning();
    const mine = (
      await h.sql(sql`select id from notifications where user_id = ${h.users.reviewer1!} order by created_at`)
    ).map((r) => String(r.id));
    expect(mine.length).toBeGreaterThan(0);
    await readNotification(h.deps, { id: mine[0]!, actor: await h.authUser('reviewer1') });
    const all = await count(sql`notifications`);
    // Read: the one just opened, and the to-do notices their closed tasks resolved (ADR 0022).
    const read = await count(sql`notifications where read_at is not null`);
    expect(read).toBeGreaterThan(1);
    const audit = await count(sql`audit_events`);

    h.clock.advance((PRUNE_RULES.readNotificationDays - 1) * DAY);
    expect((await pruneHistory(h.db, h.clock.now())).notifications).toBe(0);
    h.clock.advance(2 * DAY);
    expect((await pruneHistory(h.db, h.clock.now())).notifications).toBe(read);
    expect(await count(sql`notifications where id = ${mine[0]}`)).toBe(0);
    expect(await count(sql`notifications`)).toBe(all - read);

    h.clock.set(new Date(h.clock.now().getTime() + PRUNE_RULES.unreadNotificationDays * DAY).toISOString());
    expect((await pruneHistory(h.db, h.clock.now())).notifications).toBe(all - read);
    expect(await count(sql`notifications`)).toBe(0);

    // Nothing of the audit log goes: each run that removed something adds one ops.prune event.
    expect(await count(sql`audit_events`)).toBe(audit + 3);
    expect(await count(sql`audit_events where action = 'ops.prune'`)).toBe(3);
    expect((await verifyAuditChain(h.db)).ok).toBe(true);
  });

  it('works in batches: a long history is removed a bounded number of rows per transaction', async () => {
    for (let i = 0; i < 3; i += 1) await finishedAndRunning();
    h.clock.advance(PRUNE_RULES.unreadNotificationDays * DAY + DAY);
    const timers = await count(sql`timers t join instances i on i.id = t.instance_id where i.status = 'completed'`);
    const notes = await count(sql`notifications`);
    expect(timers).toBeGreaterThan(2);
    const pruned = await pruneHistory(h.db, h.clock.now(), { limit: 2 });
    expect(pruned).toEqual({ timers, notifications: notes });
    expect(await count(sql`notifications`)).toBe(0);
  });
});
