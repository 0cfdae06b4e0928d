import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { CHECKLIST_V1 } from '../../test/fixtures/reference-docs.js';
import { makeWorkflowHarness, type WorkflowHarness } from '../../test/workflow-harness.js';

let h: WorkflowHarness;
type Row = {
  itemCode: string;
  schoolName: string;
  layer: string;
  severity: string;
  repeat: boolean;
  offlineOrdered: boolean;
  round: string;
};

/** Two rounds at 实验小学 (HOST-01 fails in both, so the second is a repeat) and one at the other school. */
async function inspect(
  school: string,
  principal: string,
  round: string,
  fails: Record<string, 'high' | 'medium' | 'low'>,
) {
  const started = await (
    await h.start('admin', 'security-inspection', school, { round }, { inspector: [h.users.inspector] })
  ).json();
  const items = CHECKLIST_V1.items.map((i) =>
    fails[i.code]
      ? { ...i, result: 'fail', severity: fails[i.code], offline: fails[i.code] === 'high' }
      : { ...i, result: 'pass' },
  );
  expect((await h.fire(started.id, principal, 'SUBMIT', { data: { items } })).status).toBe(200);
  expect((await h.fire(started.id, 'inspector', 'RAISE_FINDINGS', { comment: '存在问题' })).status).toBe(200);
}

beforeAll(async () => {
  h = await makeWorkflowHarness();
  await inspect(h.orgs.schoolA, 'principalA', '春季', { 'HOST-01': 'high', 'DATA-01': 'medium' });
  await inspect(h.orgs.schoolA, 'principalA', '秋季', { 'HOST-01': 'high', 'MGT-01': 'low' });
  await inspect(h.orgs.schoolB, 'principalB', '秋季', { 'HOST-01': 'medium', 'PHY-01': 'high' });
});
afterAll(() => h.close());

async function codes(query: string, who = 'reviewer1'): Promise<string[]> {
  const res = await h.get(`/api/findings?${query}`, await h.as(who));
  expect(res.status, query).toBe(200);
  return ((await res.json()).items as Row[]).map((r) => `${r.round}:${r.itemCode}`).sort();
}

describe('GET /api/findings filters for the 整改问题 page (issue 4)', () => {
  it('filters by severity, layer, repeat and offline order, alone and together with school and round', async () => {
    expect(await codes('severity=high')).toEqual(['春季:HOST-01', '秋季:HOST-01', '秋季:PHY-01']);
    expect(await codes('layer=主机安全')).toEqual(['春季:HOST-01', '秋季:HOST-01', '秋季:HOST-01']);
    expect(await codes('repeat=1')).toEqual(['秋季:HOST-01']);
    expect(await codes('offline=1&layer=物理安全')).toEqual(['秋季:PHY-01']);
    expect(await codes(`severity=high&schoolId=${h.orgs.schoolA}&round=秋季`)).toEqual(['秋季:HOST-01']);
    expect(await codes('severity=high', 'principalB')).toEqual(['秋季:PHY-01']);
  });

  it('combines severity with overdue: only open high findings past their deadline', async () => {
    expect(await codes('severity=high&overdue=1')).toEqual([]);
    // High findings are due in 5 school working days, medium in 10: 8 days on, only the highs are late.
    h.clock.advance(8 * 86_400_000);
    expect(await codes('severity=high&overdue=1')).toEqual(['春季:HOST-01', '秋季:HOST-01', '秋季:PHY-01']);
    expect(await codes('severity=medium&overdue=1')).toEqual([]);
  });

  it('refuses an unknown severity or a non-flag value with 400 naming the field in both languages', async () => {
    for (const q of ['severity=critical', 'repeat=yes', 'offline=true']) {
      const res = await h.get(`/api/findings?${q}`, await h.as('reviewer1'));
      expect(res.status, q).toBe(400);
      const body = await res.json();
      const field = q.split('=')[0] ?? '';
      expect(Object.keys(body.error.fieldErrors ?? {}), q).toEqual([field]);
      expect(body.error.fieldErrors[field]).toMatchObject({ 'zh-CN': expect.any(String), en: expect.any(String) });
    }
  });

  // The new filters are plain conditions on the rows already being walked: they must not change how
  // SQLite reaches the rows (no new scan of findings, no extra sort) compared with the unfiltered list.
});
