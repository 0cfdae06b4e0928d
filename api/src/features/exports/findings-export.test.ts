import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { CHECKLIST_V1 } from '../../test/fixtures/reference-docs.js';
import { makeWorkflowHarness, type WorkflowHarness } from '../../test/workflow-harness.js';

let h: WorkflowHarness;
beforeAll(async () => {
  h = await makeWorkflowHarness();
  for (const [school, principal, fails] of [
    [h.orgs.schoolA, 'principalA', { 'HOST-01': 'high', 'DATA-01': 'medium' }],
    [h.orgs.schoolB, 'principalB', { 'PHY-01': 'high', 'MGT-01': 'low' }],
  ] as const) {
    const started = await (
      await h.start('admin', 'security-inspection', school, { round: '秋季' }, { inspector: [h.users.inspector] })
    ).json();
    const f: Record<string, string> = fails;
    const items = CHECKLIST_V1.items.map((i) =>
      f[i.code]
        ? { ...i, result: 'fail', severity: f[i.code], offline: f[i.code] === 'high' }
        : { ...i, result: 'pass' },
    );
    expect((await h.fire(started.id, principal, 'SUBMIT', { data: { items } })).status).toBe(200);
    expect((await h.fire(started.id, 'inspector', 'RAISE_FINDINGS', { comment: '存在问题' })).status).toBe(200);
  }
});
afterAll(() => h.close());

async function sheetOf(res: Response) {
  expect(res.status).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(await res.arrayBuffer());
  const sheet = wb.worksheets[0];
  if (!sheet) throw new Error('no sheet');
  return sheet;
}

describe('GET /api/exports/findings.xlsx (整改问题台账)', () => {
  it('exports the findings list with its filters, in Chinese, for what the caller may read', async () => {
    const reviewer = await h.as('reviewer1');
    const all = await sheetOf(await h.get('/api/exports/findings.xlsx', reviewer));
    expect(String(all.getCell('A1').value)).toContain('网络安全检查整改问题台账');
    expect(all.getRow(2).values).toEqual([
      undefined,
      '学校',
      '检查轮次',
      '检查项编号',
      '检查项',
      '层面',
      '风险等级',
      '状态',
      '办理时限',
      '是否超期',
      '督办时间',
      '重复问题',
      '责令下线',
      '整改通知书编号',
      '检查实例编号',
    ]);
    expect(all.rowCount).toBe(2 + 4);

    const high = await sheetOf(await h.get('/api/exports/findings.xlsx?severity=high', reviewer));
    expect(high.rowCount).toBe(2 + 2);
    expect([high.getRow(3).getCell(6).value, high.getRow(3).getCell(12).value]).toEqual(['高', '是']);

    const mine = await sheetOf(await h.get('/api/exports/findings.xlsx', await h.as('principalB')));
    expect(mine.getColumn(1).values.slice(3)).toEqual(['育才小学', '育才小学']);
    expect(mine.rowCount).toBe(2 + 2);

    expect((await h.get('/api/exports/findings.xlsx?severity=critical', reviewer)).status).toBe(400);
  });
});
