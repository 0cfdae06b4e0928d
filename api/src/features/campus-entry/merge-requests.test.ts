import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { WHITELIST_2026 } from '../../test/fixtures/reference-docs.js';
import { makeWorkflowHarness, type WorkflowHarness } from '../../test/workflow-harness.js';
import { createReference } from '../reference/create-reference.js';
import { publishReference } from '../reference/publish-reference.js';

let h: WorkflowHarness;
beforeAll(async () => {
  h = await makeWorkflowHarness();
});
afterAll(() => h.close());

type Started = { id: string; state: string; version: number };
// XF-01 (消防安全教育) may come twice per school per semester, so two departments' requests for
// overlapping schools both pass the automatic checks and meet at bureau review.
const file = async (schoolIds: string[], extra: Record<string, unknown> = {}): Promise<Started> => {
  const res = await h.start('outside', 'campus-entry', h.orgs.district, {
    itemCode: 'XF-01',
    title: '消防安全进校园',
    activityDate: '2027-01-08',
    schoolIds,
    studentHours: 2,
    teacherHours: 1,
    ...extra,
  });
  const body = await res.json();
  expect(res.status, JSON.stringify(body)).toBe(201);
  expect(body.state).toBe('bureauReview');
  return body;
};
const merge = async (
  who: string,
  survivor: Started,
  absorbed: Started[],
  versions: Partial<Record<string, number>> = {},
) =>
  h.post(
    '/api/campus-entry/merges',
    {
      survivor: { id: survivor.id, expectedVersion: versions[survivor.id] ?? survivor.version },
      absorbed: absorbed.map((a) => ({ id: a.id, expectedVersion: versions[a.id] ?? a.version })),
      comment: '两项申请合并为一次活动',
    },
    await h.as(who),
  );
const used = async (schoolId: string) => {
  const report = await (await h.get('/api/reports/campus-entry?semester=2026-autumn', await h.as('reviewer1'))).json();
  return report.perSchool.find((s: { schoolId: string }) => s.schoolId === schoolId)?.used ?? 0;
};

describe('bureau merges campus-entry requests', () => {
  it('folds requests for the same item into one activity: schools united, hours the largest plan, counted once, audited, requester told', async () => {
    const first = await file([h.orgs.schoolA, h.orgs.schoolB]);
    const second = await file([h.orgs.schoolB, h.orgs.schoolA2], { studentHours: 3, activityDate: '2027-01-12' });
    expect([first.state, second.state]).toEqual(['bureauReview', 'bureauReview']);
    expect(await used(h.orgs.schoolB)).toBe(2);

    const offered = await (await h.get(`/api/campus-entry/${first.id}/mergeable`, await h.as('reviewer1'))).json();
    expect(offered.items.map((c: { id: string }) => c.id)).toEqual([second.id]);
    // Named by the title and date its definition declares (instance title, period).
    expect(offered.items[0]).toMatchObject({
      title: { 'zh-CN': '消防安全进校园', en: '消防安全进校园' },
      itemCode: 'XF-01',
      activityDate: '2027-01-12',
    });

    const res = await merge('reviewer1', first, [second]);
    const merged = await res.json();
    expect(res.status, JSON.stringify(merged)).toBe(200);
    expect(merged).toMatchObject({
      survivorId: first.id,
      schoolIds: [h.orgs.schoolA, h.orgs.schoolB, h.orgs.schoolA2],
      studentHours: 3,
      teacherHours: 1,
      mergedFrom: [second.id],
    });

    const survivor = await h.view(first.id);
    expect(survivor).toMatchObject({ state: 'bureauReview', version: merged.version });
    expect(survivor.data).toMatchObject({ schoolIds: merged.schoolIds, activityDate: '2027-01-08', studentHours: 3 });
    const absorbed = await h.view(second.id);
    expect(absorbed).toMatchObject({ state: 'merged', status: 'completed', outcome: 'merged' });
    expect(absorbed.data.mergedInto).toBe(first.id);

    // School B is visited once, so it counts once — and the item's frequency (2) leaves room for another.
    expect(await used(h.orgs.schoolB)).toBe(1);
    await file([h.orgs.schoolB], { title: '消防演练' });

    const history = await (await h.get(`/api/instances/${first.id}/history`, await h.as('reviewer1'))).json();
    const event = history.items.find((e: { action: string }) => e.action === 'instance.merge');
    expect(event).toMatchObject({ outcome: 'success', actorId: h.users.reviewer1 });
    expect(event.before.survivor.schoolIds).toEqual([h.orgs.schoolA, h.orgs.schoolB]);
    expect(event.after.absorbed).toEqual([{ id: second.id, state: 'merged' }]);
    // The survivor's data write is the merge's, not a draft someone saved: its event says so.
    const write = history.items.find(
      (e: { action: string; meta: { type?: string } }) => e.action === 'instance.event' && e.meta?.type === 'SAVE',
    );
    expect(write.meta).toMatchObject({ via: 'merge' });
    const told = await (await h.get('/api/notifications', await h.as('outside'))).json();
    expect(
      told.items.some((n: { instanceId: string; state: string }) => n.instanceId === second.id && n.state === 'merged'),
    ).toBe(true);

    // The merged activity goes on as one: every united school confirms it.
    expect((await h.fire(first.id, 'reviewer1', 'APPROVE')).status).toBe(200);
    const inbox = await (await h.get('/api/tasks', await h.as('principalA2'))).json();
    expect(inbox.items.map((t: { instanceId: string }) => t.instanceId)).toContain(first.id);
  });

  it('refuses other items, requests past review, stale versions and callers who may not review, writing nothing but the refusal', async () => {
    // 法治教育 (FZ-01) may come six times a semester: the earlier test used XF-01's two.
    const fz = { itemCode: 'FZ-01', title: '法治讲座' };
    const survivor = await file([h.orgs.schoolA2], { ...fz, activityDate: '2027-01-20' });
    const other = await file([h.orgs.schoolA]);
    const diff = await merge('reviewer1', survivor, [other]);
    expect(diff.status).toBe(422);
    expect((await diff.json()).error.fieldErrors.absorbed['zh-CN']).toContain('同一白名单事项');

    const approved = await file([h.orgs.schoolA], { ...fz, activityDate: '2027-01-21' });
    expect((await h.fire(approved.id, 'reviewer1', 'APPROVE')).status).toBe(200);
    const late = await merge('reviewer1', survivor, [{ ...approved, version: (await h.view(approved.id)).version }]);
    expect(late.status).toBe(409);
    expect((await late.json()).error).toMatchObject({
      code: 'EVENT_NOT_ALLOWED',
      message: { 'zh-CN': expect.stringContaining('教委审核') },
    });

    const peer = await file([h.orgs.schoolB], { ...fz, activityDate: '2027-01-22' });
    expect((await merge('reviewer1', survivor, [survivor])).status).toBe(422);
    const stale = await merge('reviewer1', survivor, [peer], { [peer.id]: peer.version + 1 });
    expect(stale.status).toBe(409);
    expect((await stale.json()).error.code).toBe('VERSION_CONFLICT');
    expect([403, 404]).toContain((await merge('principalA2', survivor, [peer])).status);
    expect((await merge('outside', survivor, [peer])).status).toBe(403);
    expect((await merge('admin', survivor, [peer])).status).toBe(403);

    for (const r of [survivor, peer, other])
      expect(await h.view(r.id)).toMatchObject({ state: 'bureauReview', version: r.version });
    // Refusals are kept for the auditor, not in the instance's history.
    const log = await (
      await h.get(
        `/api/audit?action=instance.merge&outcome=denied&entityId=${survivor.id}&limit=50`,
        await h.as('auditor'),
      )
    ).json();
    const refusals = log.items;
    expect(refusals.map((e: { meta: { reason: string } }) => e.meta.reason)).toEqual(
      expect.arrayContaining(['VALIDATION', 'EVENT_NOT_ALLOWED', 'VERSION_CONFLICT', 'FORBIDDEN']),
    );
  });

  it('cannot be forged through the generic event route', async () => {
    const a = await file([h.orgs.schoolA], { itemCode: 'FZ-01', activityDate: '2027-01-25' });
    const b = await file([h.orgs.schoolB], { itemCode: 'FZ-01', activityDate: '2027-01-25' });
    const forged = await h.fire(b.id, 'reviewer1', 'MERGE', { data: { mergedInto: a.id } });
    expect(forged.status, await forged.clone().text()).toBe(422);
    const widened = await h.fire(a.id, 'reviewer1', 'SAVE', { data: { schoolIds: [h.orgs.schoolA, h.orgs.schoolB] } });
    expect(widened.status, await widened.clone().text()).toBe(422);
    expect((await h.view(b.id)).state).toBe('bureauReview');
  });
});

describe('merged requests are checked again', () => {
  it('against the rules in force: a refusal names its rule and nothing is merged', async () => {
    const g = await makeWorkflowHarness();
    try {
      const start = async (schoolIds: string[], itemCode = 'XF-01') =>
        (await (
          await g.start('outside', 'campus-entry', g.orgs.district, {
            itemCode,
            title: '进校园活动',
            activityDate: '2027-01-08',
            schoolIds,
          })
        ).json()) as Started;
      const survivor = await start([g.orgs.schoolA]);
      const absorbed = await start([g.orgs.schoolB]);
      await start([g.orgs.schoolA], 'FZ-01');
      // The bureau lowers the semester cap to one activity per school before the merge.
      await publishReference(g.deps, {
        kind: 'whitelist',
        id: (
          await createReference(g.deps, {
            kind: 'whitelist',
            name: 'whitelist',
            content: { ...WHITELIST_2026, schoolCapPerSemester: 1 },
          })
        ).id,
      });
      const res = await g.post(
        '/api/campus-entry/merges',
        {
          survivor: { id: survivor.id, expectedVersion: survivor.version },
          absorbed: [{ id: absorbed.id, expectedVersion: absorbed.version }],
        },
        await g.as('reviewer1'),
      );
      const body = await res.json();
      expect(res.status, JSON.stringify(body)).toBe(409);
      expect(body.error).toMatchObject({ code: 'GUARD_FAILED', rule: 'schoolCap' });
      expect(body.error.message['zh-CN']).toContain('上限');
      expect(await g.view(absorbed.id)).toMatchObject({ state: 'bureauReview', version: absorbed.version });
      expect((await g.view(survivor.id)).data.schoolIds).toEqual([g.orgs.schoolA]);
    } finally {
      await g.close();
    }
  });
});
