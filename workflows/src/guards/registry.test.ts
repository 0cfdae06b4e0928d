import { describe, expect, it } from 'vitest';

import { runGuard } from './registry.js';

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

  it('refuses unknown rules and bad parameters rather than letting a move through', () => {
    expect(run('isFriday', {})).toMatch(/Unknown rule/);
    expect(run('withinCap', { fact: 'x', cap: -1 })).toMatch(/invalid parameters/);
  });
});
