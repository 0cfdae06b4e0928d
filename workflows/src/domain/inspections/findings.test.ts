import { describe, expect, it } from 'vitest';

import { completeRaised, findingsFromItems, findingsFromRaised, rectificationWorkdays } from './findings.js';

describe('inspection findings', () => {
  const items = [
    {
      code: 'HOST-01',
      layer: '主机安全',
      title: '无弱口令',
      result: 'fail' as const,
      severity: 'high' as const,
      offline: true,
    },
    { code: 'DATA-01', layer: '数据安全', title: '学生信息脱敏', result: 'fail' as const, severity: 'low' as const },
    { code: 'PHY-01', layer: '物理安全', title: '机房门禁', result: 'pass' as const },
  ];

  it('turns each failed item into a finding with its deadline, offline order and repeat flag', () => {
    const f = findingsFromItems(items, ['DATA-01']);
    expect(f.map((x) => [x.itemCode, x.severity, x.workdays, x.offlineOrdered, x.repeat])).toEqual([
      ['HOST-01', 'high', 5, true, false],
      ['DATA-01', 'low', 20, false, true],
    ]);
    expect(rectificationWorkdays(f)).toBe(5);
  });

  const rules = [
    { value: 'high' as const, workdays: 3, offline: true },
    { value: 'medium' as const, workdays: 8 },
    { value: 'low' as const, workdays: 15 },
  ];

  it('completes the inspector’s rows from the failed items with the declared times, and names rows on passed items', () => {
    const done = completeRaised(
      items,
      [
        { code: 'DATA-01', severity: 'medium', workdays: 12, noticeNo: ' 通知〔2026〕3号 ' },
        { code: 'PHY-01', severity: 'low', workdays: 15 },
      ],
      rules,
    );
    // HOST-01 had no row: its own severity's declared time, its offline order kept (high may order one).
    expect(done.rows).toEqual([
      { code: 'HOST-01', severity: 'high', workdays: 3, offline: true },
      { code: 'DATA-01', severity: 'medium', workdays: 12, noticeNo: ' 通知〔2026〕3号 ' },
    ]);
    expect(done.stray).toEqual(['PHY-01']);
    const f = findingsFromRaised(items, done.rows, rules, ['HOST-01']);
    expect(f.map((x) => [x.itemCode, x.workdays, x.offlineOrdered, x.repeat, x.noticeNo])).toEqual([
      ['HOST-01', 3, true, true, undefined],
      ['DATA-01', 12, false, false, '通知〔2026〕3号'],
    ]);
  });
});
