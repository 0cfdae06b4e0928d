import { describe, expect, it } from 'vitest';

import { cardLayout, currentSort, type ResponsiveColumn, sortChoices, tableColumns } from './columns';

type Row = { id: string; name: string; due: string | null; org: { name: string } };
const row: Row = { id: 'r1', name: '网络安全检查', due: '2026-12-11', org: { name: '西永中学' } };

const columns: ResponsiveColumn<Row>[] = [
  { key: 'name', title: '名称', card: 'title', render: (_, r) => `«${r.name}»` },
  { key: 'org', title: '学校', dataIndex: ['org', 'name'] },
  { key: 'due', title: '办理时限', dataIndex: 'due', sorter: true, sortOrder: 'descend' },
  { key: 'wide', title: '登记时间', dataIndex: 'id', responsive: ['xl'] },
  { key: 'link', title: '检查记录', card: 'hide', render: () => 'open' },
  { key: 'mine', title: '状态', dataIndex: 'name', cardRender: (r) => `card:${r.id}` },
];

describe('a table read as cards', () => {
  it('takes the title column as the heading and the others, in order, as labelled lines drawn as the table draws them', () => {
    const { title, lines } = cardLayout(columns);
    expect(title?.render(row, 0)).toBe('«网络安全检查»');
    expect(lines.map((l) => [l.label, l.render(row, 0)])).toEqual([
      ['学校', '西永中学'],
      ['办理时限', '2026-12-11'],
      ['状态', 'card:r1'],
    ]);
  });

  it('leaves out what the table hides on a phone and what the card is told to hide', () => {
    const labels = cardLayout(columns).lines.map((l) => l.label);
    expect(labels).not.toContain('登记时间');
    expect(labels).not.toContain('检查记录');
    expect(cardLayout([{ key: 'x', title: 'X', dataIndex: 'id', responsive: ['xs', 'md'] }]).lines).toHaveLength(1);
  });

  it('a missing value is an empty line, not "undefined"', () => {
    const { lines } = cardLayout(columns);
    expect(lines[1]?.render({ ...row, due: null }, 0)).toBeNull();
  });

  it('offers each sortable column both ways and names the one in force', () => {
    expect(sortChoices(columns, { ascend: '升序', descend: '降序' })).toEqual([
      { value: 'due:ascend', field: 'due', order: 'ascend', label: '办理时限 · 升序' },
      { value: 'due:descend', field: 'due', order: 'descend', label: '办理时限 · 降序' },
    ]);
    expect(currentSort(columns)).toBe('due:descend');
    expect(currentSort(columns.map((c) => ({ ...c, sortOrder: null })))).toBeUndefined();
  });

  it('hands antd the columns without the card settings', () => {
    const plain = tableColumns(columns);
    expect(plain).toHaveLength(columns.length);
    expect(plain.some((c) => 'card' in c || 'cardRender' in c)).toBe(false);
    expect(plain[0]?.render).toBe(columns[0]?.render);
  });
});
