import { describe, expect, it } from 'vitest';

import { bySeries, PALETTE, perRow } from './chart-series';

type Row = { workflow: string; state: string; count: number };
const rows: Row[] = [
  { workflow: '网络安全检查', state: '自查', count: 3 },
  { workflow: '网络安全检查', state: '整改', count: 2 },
  { workflow: '进校园', state: '自查', count: 1 },
  { workflow: '进校园', state: '审核', count: 4 },
];

describe('perRow', () => {
  it('draws one mark per row and finds the row back from it', () => {
    const s = perRow(
      rows,
      (r) => r.state,
      (r) => r.count,
      '#cf1322',
    );
    expect(s.labels).toEqual(['自查', '整改', '自查', '审核']);
    expect(s.datasets).toEqual([{ label: '', data: [3, 2, 1, 4], color: '#cf1322' }]);
    expect(s.rowAt(0, 3)).toBe(rows[3]);
    expect(s.rowAt(1, 0)).toBeUndefined();
    expect(s.rowAt(0, 9)).toBeUndefined();
  });

  it('colours each row when asked', () => {
    const s = perRow(
      rows.slice(0, 2),
      (r) => r.state,
      (r) => r.count,
      (r) => (r.count > 2 ? 'red' : 'blue'),
    );
    expect(s.datasets[0]?.color).toEqual(['red', 'blue']);
  });
});

describe('bySeries', () => {
  it('splits rows into categories and series, with gaps where a category lacks a series', () => {
    const s = bySeries(
      rows,
      (r) => r.workflow,
      (r) => r.state,
      (r) => r.count,
    );
    expect(s.labels).toEqual(['网络安全检查', '进校园']);
    expect(s.datasets).toEqual([
      { label: '自查', data: [3, 1], color: PALETTE[0] },
      { label: '整改', data: [2, null], color: PALETTE[1] },
      { label: '审核', data: [null, 4], color: PALETTE[2] },
    ]);
  });

  it('finds the row of a clicked segment, and nothing for a gap', () => {
    const s = bySeries(
      rows,
      (r) => r.workflow,
      (r) => r.state,
      (r) => r.count,
    );
    expect(s.rowAt(2, 1)).toBe(rows[3]);
    expect(s.rowAt(0, 0)).toBe(rows[0]);
    expect(s.rowAt(1, 1)).toBeUndefined();
    expect(s.rowAt(5, 0)).toBeUndefined();
  });
});
