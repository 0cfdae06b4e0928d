import { describe, expect, it } from 'vitest';

import { guardField, runGuard } from './registry.js';

const run = (name: string, params: unknown, data: Record<string, unknown> = {}, facts: Record<string, unknown> = {}) =>
  runGuard(name, params, { data, facts })?.en ?? null;

describe('guard registry', () => {
  it('withinCap refuses at the cap and names the figures', () => {
    expect(run('withinCap', { fact: 'schoolEntries', cap: 6 }, {}, { schoolEntries: 5 })).toBeNull();
    expect(run('withinCap', { fact: 'schoolEntries', cap: 6 }, {}, { schoolEntries: 6 })).toBe(
      'The cap is reached (6/6)',
    );
    // A subject's own cap, supplied as a fact, wins over the definition's fallback.
    expect(run('withinCap', { fact: 'used', cap: 3, capFact: 'quota' }, {}, { used: 3, quota: 5 })).toBeNull();
    expect(run('withinCap', { fact: 'used', cap: 3, capFact: 'quota' }, {}, { used: 5, quota: 5 })).toBe(
      'The cap is reached (5/5)',
    );
  });

  it('notConflicted refuses when the API reports a conflict of interest', () => {
    expect(run('notConflicted', {}, {}, { conflicted: false })).toBeNull();
    expect(run('notConflicted', {}, {}, { conflicted: true })).toMatch(/conflict/);
  });

  it('field rules compare the instance data', () => {
    expect(run('fieldEquals', { field: 'commercial', value: false }, { commercial: false })).toBeNull();
    expect(run('fieldEquals', { field: 'commercial', value: false }, { commercial: true })).toMatch(/must be false/);
    expect(run('fieldCompare', { field: 'years', op: 'gte', value: 2 }, { years: 1 })).toMatch(/≥ 2/);
    expect(run('fieldCompare', { field: 'years', op: 'gte', value: 2 }, { years: 2 })).toBeNull();
    expect(run('fieldFilled', { field: 'report' }, { report: '' })).toMatch(/must be filled/);
  });

  it('checklist rules read the items table', () => {
    const items = [{ result: 'pass' }, { result: 'na' }, { result: 'fail' }];
    expect(run('allItemsAnswered', { field: 'items' }, { items })).toBeNull();
    expect(run('allItemsAnswered', { field: 'items' }, { items: [...items, {}] })).toMatch(/1 checklist item/);
    expect(run('hasFailedItems', {}, { items })).toBeNull();
    expect(run('noFailedItems', {}, { items })).toMatch(/1 item/);
  });

  it('summaryMatchesItems refuses "均符合要求" over a 不符合 item, naming it, and lets a qualified summary through', () => {
    const items = [
      { code: 'PHY-01', title: '机房门禁', result: 'pass' },
      { code: 'HOST-01', title: '服务器无弱口令', result: 'fail' },
      { code: 'DATA-01', title: '学生信息脱敏', result: 'fail' },
    ];
    const p = { field: 'items', summaryField: 'selfCheckNotes' };
    const zh = (notes: string, list = items) =>
      runGuard('summaryMatchesItems', p, { data: { items: list, selfCheckNotes: notes }, facts: {} })?.['zh-CN'] ??
      null;
    expect(zh('已完成全部检查项自查，均符合要求。')).toBe(
      '说明写有“均符合要求”，但以下 2 项标为不符合：HOST-01 服务器无弱口令、DATA-01 学生信息脱敏。请修改说明，或核对这些检查项的结论。',
    );
    expect(run('summaryMatchesItems', p, { items, selfCheckNotes: '均符合要求' })).toMatch(
      /2 item\(s\) are marked non-compliant: HOST-01 服务器无弱口令, DATA-01/,
    );
    // Naming an item acknowledges it; only the others are contradicted.
    expect(zh('HOST-01 已整改，均符合要求')).toMatch(/以下 1 项标为不符合：DATA-01 学生信息脱敏/);
    expect(zh('除 HOST-01、DATA-01 外均符合要求')).toBeNull();
    expect(zh('发现 2 项不符合，已列入整改')).toBeNull();
    expect(
      zh(
        '均符合要求',
        items.map((i) => ({ ...i, result: 'pass' })),
      ),
    ).toBeNull();
    expect(zh('')).toBeNull();
    // The console shows the reason under the summary.
    expect(guardField('summaryMatchesItems', p)).toBe('selfCheckNotes');
    expect(guardField('allItemsAnswered', { field: 'items' })).toBeUndefined();
  });

  it('refuses unknown rules and bad parameters rather than letting a move through', () => {
    expect(run('isFriday', {})).toMatch(/Unknown rule/);
    expect(run('withinCap', { fact: 'x', cap: -1 })).toMatch(/invalid parameters/);
  });
});
