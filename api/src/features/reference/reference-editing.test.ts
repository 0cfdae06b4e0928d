import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { CHECKLIST_V1, WHITELIST_2026 } from '../../test/fixtures/reference-docs.js';
import { type Harness, makeHarness, type Session } from '../../test/harness.js';

let h: Harness;
let admin: Session;
beforeAll(async () => {
  h = await makeHarness();
  admin = await h.signIn('admin');
});
afterAll(() => h.close());

const fieldErrors = async (res: Response) =>
  ((await res.json()) as { error: { fieldErrors: Record<string, { 'zh-CN': string; en: string }> } }).error.fieldErrors;
const rowCount = async () => Number((await h.sql(sql`select count(*) as n from reference_data`))[0]?.n);

describe('reference data as the structured editors save it', () => {
  it('puts each cross-field problem on its own row and cell, in Chinese and English, and writes nothing', async () => {
    const before = await rowCount();
    const items = [
      ...WHITELIST_2026.items,
      { ...WHITELIST_2026.items[1], window: { from: '2026-12-01', to: '2026-10-01' } },
    ];
    const res = await h.post(
      '/api/reference/whitelists',
      {
        name: '白名单',
        content: {
          ...WHITELIST_2026,
          items,
          emergencyApprovals: [{ no: '〔2026〕1号', itemCode: 'NOPE', approvedOn: '2026-11-01' }],
        },
      },
      admin,
    );
    expect(res.status).toBe(422);
    const errs = await fieldErrors(res);
    expect(errs['content.items.4.code']['zh-CN']).toBe('编号与其他条目重复');
    expect(errs['content.items.4.window.to']['zh-CN']).toBe('开始日期不能晚于结束日期');
    expect(errs['content.emergencyApprovals.0.itemCode']['zh-CN']).toBe('白名单中没有该编号的事项');
    expect(errs['content.items']).toBeUndefined();

    const dup = await h.post(
      '/api/reference/checklists',
      {
        name: '检查表',
        content: { key: 'k', items: [CHECKLIST_V1.items[0], CHECKLIST_V1.items[1], CHECKLIST_V1.items[0]] },
      },
      admin,
    );
    expect(Object.keys(await fieldErrors(dup))).toEqual(['content.items.2.code']);
    expect(await rowCount()).toBe(before);
  });

  it('names the weight rule of an indicator system in Chinese', async () => {
    const l = (s: string) => ({ 'zh-CN': s, en: s });
    const content = {
      key: 'bundled',
      version: 1,
      name: l('指标'),
      rollup: { rule: 'mean' },
      grades: [{ grade: 'pass', label: l('合格'), min: 60 }],
      dimensions: [
        { key: 'a', name: l('甲'), weight: 0.5, indicators: [{ key: 'a1', name: l('甲一'), maxScore: 10 }] },
        { key: 'b', name: l('乙'), weight: 0.4, indicators: [{ key: 'b1', name: l('乙一'), maxScore: 10 }] },
      ],
    };
    const res = await h.post('/api/reference/indicator-systems', { name: '指标', content }, admin);
    expect(res.status).toBe(422);
    expect((await fieldErrors(res))['content.dimensions']['zh-CN']).toContain('权重之和必须等于 1');
  });

  it('refuses (409) a save based on a version someone has since superseded, and publishing a draft older than the published one', async () => {
    const v1 = await (
      await h.post('/api/reference/checklists', { name: '表', content: { ...CHECKLIST_V1, key: 'stale-test' } }, admin)
    ).json();
    const v2 = await h.post(
      '/api/reference/checklists',
      { name: '表', content: { ...CHECKLIST_V1, key: 'stale-test' }, basedOn: v1.id },
      admin,
    );
    expect(v2.status).toBe(201);
    const before = await rowCount();
    const late = await h.post(
      '/api/reference/checklists',
      { name: '表', content: { ...CHECKLIST_V1, key: 'stale-test' }, basedOn: v1.id },
      admin,
    );
    expect(late.status).toBe(409);
    const body = await late.json();
    expect(body.error.code).toBe('VERSION_CONFLICT');
    expect(body.error.message['zh-CN']).toContain('v2');
    expect(await rowCount()).toBe(before);

    // Published by a reviewer (four eyes): the stale draft is refused for being stale, not for who asks.
    const reviewer = await h.signIn('reviewer1');
    expect(
      (await h.post(`/api/reference/checklists/${(await v2.json()).id}/publish`, undefined, reviewer)).status,
    ).toBe(200);
    const old = await h.post(`/api/reference/checklists/${v1.id}/publish`, undefined, reviewer);
    expect(old.status).toBe(409);
    expect(await h.sql(sql`select status from reference_data where id = ${v1.id}`)).toEqual([{ status: 'draft' }]);

    const missing = await h.post(
      '/api/reference/checklists',
      { name: '表', content: CHECKLIST_V1, basedOn: 'nope' },
      admin,
    );
    expect(missing.status).toBe(422);
    expect(Object.keys(await fieldErrors(missing))).toEqual(['basedOn']);
  });
});
