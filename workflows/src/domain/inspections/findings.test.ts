import { describe, expect, it } from 'vitest';

import { findingsFromItems, rectificationWorkdays } from './findings.js';

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
});
