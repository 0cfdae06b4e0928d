import { expect } from 'vitest';

import { makeWorkflowHarness } from '../../test/workflow-harness.js';

/** A campus-entry request's data: an item, its date, the schools it visits and the hours it plans. */
export const request = (schoolIds: string[], extra: Record<string, unknown> = {}) => ({
  itemCode: 'KP-01',
  title: '科普大篷车进校园',
  activityDate: '2027-01-05',
  schoolIds,
  studentHours: 2,
  teacherHours: 1,
  ...extra,
});

/**
 * The campus-entry tallies' tests' district (entry-tallies.test.ts on both engines, entry-tallies.sqlite.test.ts
 * for SQLite's plans): a request held at two schools, one waiting on the bureau, another for a second item.
 */
export async function entryTalliesFixture() {
  const h = await makeWorkflowHarness();
  const start = async (data: Record<string, unknown>) => {
    const res = await h.start('outside', 'campus-entry', h.orgs.district, data);
    expect(res.status, JSON.stringify(await res.clone().json())).toBe(201);
    return ((await res.json()) as { id: string }).id;
  };
  const ok = async (res: Promise<Response>) => expect((await res).status).toBe(200);
  const ids: Record<string, string> = {};
  // Held at A and B, with the hours each school spent.
  ids.held = await start(request([h.orgs.schoolA, h.orgs.schoolB]));
  await ok(h.fire(ids.held, 'reviewer1', 'APPROVE'));
  for (const p of ['principalA', 'principalB'])
    await ok(h.fire(ids.held, p, 'SUBMIT_PART', { data: { decision: 'confirm' } }));
  await ok(h.fire(ids.held, 'principalA', 'SUBMIT_PART', { data: { held: true, actualTeacherHours: 3 } }));
  // Waiting on the bureau at A2, and another at B for a second item.
  ids.pending = await start(request([h.orgs.schoolA2]));
  ids.other = await start(
    request([h.orgs.schoolB, h.orgs.schoolA2], { itemCode: 'XF-01', activityDate: '2027-01-10', teacherHours: 4 }),
  );
  return { h, ids, start, ok };
}
