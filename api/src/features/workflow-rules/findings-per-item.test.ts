import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { addWorkdays } from '../../engine.js';
import { uploadEvidence } from '../../test/evidence-upload.js';
import { CHECKLIST_V1 } from '../../test/fixtures/reference-docs.js';
import { handInRectification } from '../../test/rectification.js';
import { makeWorkflowHarness, type WorkflowHarness } from '../../test/workflow-harness.js';

let h: WorkflowHarness;
beforeAll(async () => {
  h = await makeWorkflowHarness();
});
afterAll(() => h.close());

type Finding = {
  itemCode: string;
  severity: string;
  workdays: number;
  dueAt: string;
  offlineOrdered: boolean;
  noticeNo: string | null;
  status: string;
  rectifiedAt: string | null;
  returnedAt: string | null;
  returnNote: string | null;
};
const FAILS = ['HOST-01', 'DATA-01', 'MGT-01'];

/** An inspection of school A at 现场检查 whose self-check failed three items. */
async function atInspection(round: string) {
  const started = await (
    await h.start('admin', 'security-inspection', h.orgs.schoolA, { round }, { inspector: [h.users.inspector] })
  ).json();
  const items = CHECKLIST_V1.items.map((i) =>
    FAILS.includes(i.code) ? { ...i, result: 'fail', severity: 'medium' } : { ...i, result: 'pass' },
  );
  expect((await h.fire(started.id, 'principalA', 'SUBMIT', { data: { items } })).status).toBe(200);
  return started.id as string;
}
const ledger = async (id: string, who = 'principalA'): Promise<Finding[]> =>
  (await (await h.get(`/api/findings?instanceId=${id}&limit=100`, await h.as(who))).json()).items;
const byCode = (rows: Finding[]) => Object.fromEntries(rows.map((r) => [r.itemCode, r]));
const audits = async (id: string) =>
  (
    await h.sql(sql`select meta from audit_events where entity_id = ${id} and action = 'instance.event' order by seq`)
  ).map((r) => JSON.parse((r as { meta: string }).meta));

describe('整改问题（逐项）: the inspector raises findings item by item', () => {
  it('each finding keeps its severity, its own deadline, the offline order and the notice number; a failed item left out gets its severity’s time', async () => {
    const id = await atInspection('逐项秋季');
    const res = await h.fire(id, 'inspector', 'RAISE_FINDINGS', {
      comment: '现场检查发现三项问题',
      data: {
        findings: [
          { code: 'HOST-01', severity: 'high', workdays: 3, offline: true, noticeNo: '高新教网安〔2026〕17号' },
          { code: 'DATA-01', severity: 'low', workdays: 20, noticeNo: '高新教网安〔2026〕18号' },
        ],
      },
    });
    expect(res.status, JSON.stringify(await res.clone().json())).toBe(200);
    const now = h.clock.now();
    const rows = byCode(await ledger(id));
    expect(rows['HOST-01']).toMatchObject({
      severity: 'high',
      workdays: 3,
      offlineOrdered: true,
      noticeNo: '高新教网安〔2026〕17号',
      dueAt: addWorkdays(undefined, now, 3).toISOString(),
    });
    expect(rows['DATA-01']).toMatchObject({ severity: 'low', workdays: 20, offlineOrdered: false });
    // MGT-01 failed but the inspector gave it no row: the school's severity (medium) and its declared time.
    expect(rows['MGT-01']).toMatchObject({ severity: 'medium', workdays: 10, noticeNo: null });
    const view = await h.view(id);
    expect((view.data.findings as Array<{ code: string }>).map((f) => f.code)).toEqual([
      'HOST-01',
      'DATA-01',
      'MGT-01',
    ]);
    // The rectification step's own deadline follows the most pressing finding.
    expect(view.data.rectificationDays).toBe(3);
    expect((await audits(id)).at(-1).findings).toContainEqual(
      expect.objectContaining({ itemCode: 'HOST-01', workdays: 3, noticeNo: '高新教网安〔2026〕17号' }),
    );
  });

  it('refuses a finding on an item that did not fail, and an offline order the severity does not allow; nothing written', async () => {
    const id = await atInspection('逐项拒绝');
    const version = (await h.view(id)).version;
    const onPassed = await h.fire(id, 'inspector', 'RAISE_FINDINGS', {
      comment: '问题',
      data: { findings: [{ code: 'PHY-01', severity: 'low', workdays: 20 }] },
    });
    expect(onPassed.status).toBe(422);
    const body = await onPassed.json();
    expect(body.error.rule).toBe('findingOnPassedItem');
    expect(body.error.fieldErrors['findings.PHY-01']).toEqual({
      'zh-CN': 'PHY-01 未判定为不符合',
      en: 'PHY-01 is not marked as failed',
    });
    const offline = await h.fire(id, 'inspector', 'RAISE_FINDINGS', {
      comment: '问题',
      data: { findings: [{ code: 'DATA-01', severity: 'medium', workdays: 10, offline: true }] },
    });
    expect(offline.status).toBe(422);
    expect((await offline.json()).error.fieldErrors.findings['zh-CN']).toBe('DATA-01：「中风险」问题不能责令下线');
    expect((await h.view(id)).version).toBe(version);
    expect(await ledger(id)).toEqual([]);
  });
});

describe('整改清单 and 逐项复核: the school replies per finding, the inspector accepts or returns each', () => {
  it('returned findings go back with their reason and need new evidence; accepted ones close at once', async () => {
    const id = await atInspection('逐项复核');
    expect((await h.fire(id, 'inspector', 'RAISE_FINDINGS', { comment: '存在问题' })).status).toBe(200);
    expect((await handInRectification(h, id)).status).toBe(200);
    expect((await ledger(id)).every((f) => f.rectifiedAt !== null)).toBe(true);

    // Returning needs a verdict on every open finding, and at least one returned.
    const partial = await h.fire(id, 'inspector', 'REJECT', {
      comment: '部分未整改到位',
      data: { verdicts: [{ code: 'HOST-01', verdict: 'returned', note: '仍有弱口令' }] },
    });
    expect(partial.status).toBe(422);
    expect(Object.keys((await partial.json()).error.fieldErrors).sort()).toEqual([
      'verdicts.DATA-01',
      'verdicts.MGT-01',
    ]);
    const allAccepted = await h.fire(id, 'inspector', 'REJECT', {
      comment: '退回',
      data: { verdicts: FAILS.map((code) => ({ code, verdict: 'accepted' })) },
    });
    expect(allAccepted.status).toBe(422);
    expect((await allAccepted.json()).error.rule).toBe('nothingReturned');
    const acceptWithReturn = await h.fire(id, 'inspector', 'APPROVE', {
      data: { verdicts: [{ code: 'HOST-01', verdict: 'returned', note: '仍有弱口令' }] },
    });
    expect(acceptWithReturn.status).toBe(422);
    expect((await acceptWithReturn.json()).error.rule).toBe('returnedOnAccept');

    const back = await h.fire(id, 'inspector', 'REJECT', {
      comment: '部分未整改到位',
      data: {
        verdicts: [
          { code: 'HOST-01', verdict: 'returned', note: '仍有两台服务器使用弱口令' },
          { code: 'DATA-01', verdict: 'accepted' },
          { code: 'MGT-01', verdict: 'accepted' },
        ],
      },
    });
    expect(back.status, JSON.stringify(await back.clone().json())).toBe(200);
    const rows = byCode(await ledger(id));
    expect(rows['DATA-01']).toMatchObject({ status: 'closed' });
    expect(rows['MGT-01']).toMatchObject({ status: 'closed' });
    expect(rows['HOST-01']).toMatchObject({
      status: 'open',
      rectifiedAt: null,
      returnNote: '仍有两台服务器使用弱口令',
      returnedAt: h.clock.now().toISOString(),
    });
    expect((await audits(id)).at(-1)).toMatchObject({
      closedFindings: ['DATA-01', 'MGT-01'],
      returnedFindings: ['HOST-01'],
    });
    // The accepted findings' deadlines are cancelled; the returned one's still runs.
    const pending = await h.sql(
      sql`select timer_key from timers where instance_id = ${id} and timer_key like 'finding:%' and cancelled_at is null and fired_at is null`,
    );
    expect(pending).toEqual([{ timer_key: 'finding:HOST-01' }]);

    // Back at 问题整改: the evidence handed in before the return does not count again.
    expect((await h.view(id)).state).toBe('rectification');
    const stale = await h.fire(id, 'principalA', 'SUBMIT_RECTIFICATION', {
      data: { rectifications: [{ code: 'HOST-01', note: '已再次整改' }] },
    });
    expect(stale.status).toBe(422);
    expect(Object.keys((await stale.json()).error.fieldErrors)).toEqual(['items.HOST-01']);
    h.clock.advance(1000);
    expect((await uploadEvidence(h, id, 'principalA', 'items.HOST-01')).status).toBe(201);
    const again = await h.fire(id, 'principalA', 'SUBMIT_RECTIFICATION', {
      data: { rectifications: [{ code: 'HOST-01', note: '已再次整改' }] },
    });
    expect(again.status, JSON.stringify(await again.clone().json())).toBe(200);
    expect((await h.fire(id, 'inspector', 'APPROVE', { comment: '整改到位' })).status).toBe(200);
    expect((await ledger(id)).every((f) => f.status === 'closed')).toBe(true);
  });

  it('a return without verdicts (an API caller, an older console) sends every open finding back with the comment', async () => {
    const id = await atInspection('整体退回');
    expect((await h.fire(id, 'inspector', 'RAISE_FINDINGS', { comment: '存在问题' })).status).toBe(200);
    expect((await handInRectification(h, id)).status).toBe(200);
    expect((await h.fire(id, 'inspector', 'REJECT', { comment: '整改材料不全' })).status).toBe(200);
    const rows = await ledger(id);
    expect(rows.map((r) => [r.status, r.returnNote])).toEqual(FAILS.map(() => ['open', '整改材料不全']));
  });

  it('the school’s rows may not touch the inspector’s columns', async () => {
    const id = await atInspection('越权');
    expect((await h.fire(id, 'inspector', 'RAISE_FINDINGS', { comment: '存在问题' })).status).toBe(200);
    const res = await h.fire(id, 'principalA', 'SAVE', {
      data: { rectifications: [{ code: 'HOST-01', note: '已整改', severity: 'low' }] },
    });
    expect(res.status).toBe(422);
    expect((await res.json()).error.fieldErrors.rectifications['zh-CN']).toBe('HOST-01：此环节不能填写「severity」');
  });
});
