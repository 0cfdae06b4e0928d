import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { auditEvents } from '../../db/schema.js';
import { runDueTimers } from '../../scheduler/run-due-timers.js';
import { type Harness, makeHarness } from '../../test/harness.js';

let h: Harness;
let definitionId: string;
beforeAll(async () => {
  h = await makeHarness();
  definitionId = await h.publish();
});
afterAll(() => h.close());

type Page = {
  items: Array<{
    id: string;
    kind: string;
    instanceId: string;
    title: { 'zh-CN': string; en: string };
    readAt: string | null;
    resolvedAt: string | null;
  }>;
  nextCursor: string | null;
};

describe('notifications from the engine’s notify effects', () => {
  it('a new task notifies every holder of the role at the school; reviewers are notified on submit; nobody else', async () => {
    const pa = await h.signIn('principalA');
    const started = await h.post(
      '/api/instances',
      { definitionId, subjectOrgId: h.orgs.schoolA, data: { title: '月报' } },
      pa,
    );
    const view = (await started.json()) as { id: string };
    const mine = (await (await h.get('/api/notifications?unread=1', pa)).json()) as Page;
    expect(mine.items).toEqual([expect.objectContaining({ kind: 'entered', instanceId: view.id, readAt: null })]);
    expect(mine.items[0]?.title).toEqual({
      'zh-CN': '【新待办】学校专项报告 · 学校填报 · 实验小学',
      en: '[New task] School report · School fills in · 实验小学',
    });
    const other = (await (await h.get('/api/notifications', await h.signIn('principalB'))).json()) as Page;
    expect(other.items).toEqual([]);

    await h.post(`/api/instances/${view.id}/events`, { type: 'SUBMIT', expectedVersion: 1 }, pa);
    const r1 = (await (await h.get('/api/notifications', await h.signIn('reviewer1'))).json()) as Page;
    expect(r1.items.map((n) => n.kind)).toEqual(['entered']);
  });

  it('reminders from the durable timers land too; read marks one, someone else’s is 404, and unread filters', async () => {
    await h.post(
      '/api/instances',
      { definitionId, subjectOrgId: h.orgs.schoolA, data: { title: '周报' } },
      await h.signIn('principalA'),
    );
    h.clock.advance(10 * 24 * 3600 * 1000);
    expect((await runDueTimers(h.deps)).fired).toBeGreaterThan(0);
    const pa = await h.signIn('principalA');
    const all = (await (await h.get('/api/notifications?limit=1', pa)).json()) as Page;
    expect(all.items).toHaveLength(1);
    expect(all.nextCursor).not.toBeNull();
    const rest = (await (await h.get(`/api/notifications?cursor=${all.nextCursor}`, pa)).json()) as Page;
    const kinds = [...all.items, ...rest.items].map((n) => n.kind);
    expect(kinds).toContain('reminder');
    const first = all.items[0];
    if (!first) throw new Error('no notification');
    expect((await h.post(`/api/notifications/${first.id}/read`, undefined, await h.signIn('principalB'))).status).toBe(
      404,
    );
    expect((await h.post(`/api/notifications/${first.id}/read`, undefined, pa)).status).toBe(204);
    const unread = (await (await h.get('/api/notifications?unread=1&limit=100', pa)).json()) as Page;
    expect(unread.items.map((n) => n.id)).not.toContain(first.id);
    // The 月报's 新待办 above was resolved (and so read) when principalA submitted it.
    const stillOpen = [...all.items, ...rest.items].filter((n) => !n.resolvedAt && n.id !== first.id);
    expect(unread.items).toHaveLength(stillOpen.length);
  });

  it('filters by kind; a bad kind is a 400 in both languages', async () => {
    const pa = await h.signIn('principalA');
    const reminders = (await (await h.get('/api/notifications?kind=reminder&limit=100', pa)).json()) as Page;
    expect(reminders.items.length).toBeGreaterThan(0);
    expect(new Set(reminders.items.map((n) => n.kind))).toEqual(new Set(['reminder']));
    const bad = await h.get('/api/notifications?kind=spam', pa);
    expect(bad.status).toBe(400);
  });

  it('mark all read marks only the caller’s unread notifications, once, and audits it', async () => {
    const pa = await h.signIn('principalA');
    const r1 = await h.signIn('reviewer1');
    const unread = async (s: typeof pa) =>
      ((await (await h.get('/api/notifications?unread=1&limit=100', s)).json()) as Page).items.length;
    const mineBefore = await unread(pa);
    const theirsBefore = await unread(r1);
    expect(mineBefore).toBeGreaterThan(0);
    expect(theirsBefore).toBeGreaterThan(0);

    const res = await h.post('/api/notifications/read-all', undefined, pa);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ marked: mineBefore });
    expect(await unread(pa)).toBe(0);
    expect(await unread(r1)).toBe(theirsBefore);
    const again = await h.post('/api/notifications/read-all', undefined, pa);
    expect(await again.json()).toEqual({ marked: 0 });

    const audited = await h.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'notification.read-all'), eq(auditEvents.actorId, pa.userId)));
    expect(audited).toHaveLength(1);
    expect(audited[0]?.meta).toEqual({ marked: mineBefore });
    expect((await h.post('/api/notifications/read-all', undefined, undefined)).status).toBe(401);
  });
});
