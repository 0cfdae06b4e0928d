import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { WorkflowHarness } from '../../test/workflow-harness.js';
import { reportsFiltersFixture } from './reports-filters.fixture.js';

/**
 * Issue #4: the dashboard's period / group / school filters reach the four domain reports. Rows are
 * written straight into the temp SQLite (the workflows that produce them have their own tests); every
 * read goes through the real routes, CASL scoping included.
 */
let h: WorkflowHarness;
type Json = Record<string, unknown>;
beforeAll(async () => {
  const fixture = await reportsFiltersFixture();
  ({ h } = fixture);
  expect(fixture.periodsFilled).toBe(3 + 2 + 2);
});
afterAll(() => h.close());

const report = async (path: string, query: string, who = 'reviewer1') => {
  const res = await h.get(`/api/reports/${path}${query}`, await h.as(who));
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as Json & Record<string, Array<Json>>;
};

describe('GET /reports/security-inspection with the dashboard filters', () => {
  const totals = async (q: string, who?: string) => {
    const r = await report('security-inspection', `?round=R1${q}`, who);
    return { total: r.totalFindings, schools: r.perSchool.map((s) => s.schoolId) };
  };
  it('narrows by school, group and creation window; an unknown org is empty; a principal gets nothing of another school', async () => {
    const { schoolA, schoolA2, schoolB, group1 } = h.orgs;
    expect((await totals('')).total).toBe(4);
    expect(await totals(`&schoolId=${schoolA}`)).toEqual({ total: 2, schools: [schoolA] });
    expect(await totals(`&groupId=${group1}`)).toEqual({ total: 3, schools: [schoolA, schoolA2] });
    expect(await totals('&from=2026-11-10')).toEqual({ total: 1, schools: [schoolB] });
    expect(await totals('&to=2026-10-31')).toEqual({ total: 1, schools: [schoolA2] });
    expect(await totals('&schoolId=no-such-org')).toEqual({ total: 0, schools: [] });
    expect(await totals(`&schoolId=${schoolB}`, 'principalA')).toEqual({ total: 0, schools: [] });
    expect(await totals('', 'principalA')).toEqual({ total: 2, schools: [schoolA] });
    expect((await h.get('/api/reports/security-inspection?from=nope', await h.as('reviewer1'))).status).toBe(400);
  });
});

describe('GET /reports/bundled-assessment with the dashboard filters', () => {
  const groups = async (q: string, who?: string) =>
    (await report('bundled-assessment', `?cycle=2026${q}`, who)).ranking.map((r) => r.groupId);
  it('a group filter keeps that group; a school filter keeps the group it belongs to; windows, unknown ids and scope hold', async () => {
    const { schoolA, schoolB, group1, group2 } = h.orgs;
    expect(await groups('')).toEqual([group1, group2]);
    expect(await groups(`&groupId=${group2}`)).toEqual([group2]);
    expect(await groups(`&schoolId=${schoolA}`)).toEqual([group1]);
    expect(await groups('&from=2026-11-10')).toEqual([group2]);
    expect(await groups('&schoolId=no-such-org')).toEqual([]);
    expect(await groups(`&groupId=${group1}`)).toEqual([group1]);
    // group 1's lead never sees group 2, whatever they pass.
    expect(await groups(`&schoolId=${schoolB}`, 'lead1')).toEqual([]);
    expect(await groups('', 'lead1')).toEqual([group1]);
    const byState = (await report('bundled-assessment', '?cycle=2026&schoolId=no-such-org')).byState;
    expect(byState).toEqual([]);
  });
});

describe('GET /reports/campus-entry with the dashboard filters', () => {
  const entries = async (q: string, who?: string) => {
    const r = await report('campus-entry', `?semester=2026-autumn${q}`, who);
    return { schools: r.perSchool.map((s) => s.schoolId), items: r.hoursByItem.map((i) => i.itemCode) };
  };
  it('keeps the requests visiting a matching school and only those schools’ rows', async () => {
    const { schoolA, schoolA2, schoolB, group1 } = h.orgs;
    expect((await entries('')).items).toEqual(['KP-01', 'KP-02']);
    expect(await entries(`&schoolId=${schoolA}`)).toEqual({ schools: [schoolA], items: ['KP-01'] });
    expect((await entries(`&groupId=${group1}`)).schools.sort()).toEqual([schoolA, schoolA2].sort());
    expect((await entries(`&groupId=${group1}`)).items).toEqual(['KP-01', 'KP-02']);
    expect(await entries('&from=2026-11-10')).toEqual({ schools: [schoolA2], items: ['KP-02'] });
    expect(await entries('&schoolId=no-such-org')).toEqual({ schools: [], items: [] });
    // principalA reads the A+B request, but never school B's line, filter or not.
    expect(await entries(`&schoolId=${schoolB}`, 'principalA')).toEqual({ schools: [], items: ['KP-01'] });
    expect((await entries('', 'principalA')).schools).toEqual([schoolA]);
  });
});

describe('GET /reports/teaching-award with the dashboard filters', () => {
  const titles = async (q: string, who?: string) => {
    const r = await report('teaching-award', `?year=2026${q}`, who);
    return {
      titles: r.ranking.flatMap((c) => (c.items as Json[]).map((i) => i.title)),
      levels: r.byLevel.map((l) => l.level),
    };
  };
  it('narrows submissions and levels by school, group and window; unknown ids are empty; scope holds', async () => {
    const { schoolA, schoolB, group2 } = h.orgs;
    expect(await titles('')).toEqual({ titles: ['甲', '乙'], levels: expect.arrayContaining(['first', 'second']) });
    expect(await titles(`&schoolId=${schoolA}`)).toEqual({ titles: ['甲'], levels: ['first'] });
    expect(await titles(`&groupId=${group2}`)).toEqual({ titles: ['乙'], levels: ['second'] });
    expect(await titles('&to=2026-11-10')).toEqual({ titles: ['甲'], levels: ['first'] });
    expect(await titles('&groupId=no-such-org')).toEqual({ titles: [], levels: [] });
    expect(await titles(`&schoolId=${schoolB}`, 'principalA')).toEqual({ titles: [], levels: [] });
  });
});

describe('GET /reports/campus-entry 负担码 lines with the dashboard filters', () => {
  it('narrow the bureau’s burden rows by school, group and filing date', async () => {
    const filed = await h.post(
      '/api/burden-reports',
      { burdenItem: 'other', description: '每周被要求填报与教学无关的统计表' },
      await h.as('teacherA'),
    );
    expect(filed.status, await filed.clone().text()).toBe(201);
    const { schoolA, schoolB, group1, group2 } = h.orgs;
    const burden = async (q: string) =>
      (await report('campus-entry', `?semester=2026-autumn${q}`)).burden.map((b) => b.schoolId);
    expect(await burden('')).toEqual([schoolA]);
    expect(await burden(`&groupId=${group1}`)).toEqual([schoolA]);
    expect(await burden(`&groupId=${group2}`)).toEqual([]);
    expect(await burden(`&schoolId=${schoolB}`)).toEqual([]);
    expect(await burden('&from=2026-11-24')).toEqual([]);
    expect(await burden('&to=2026-11-23')).toEqual([schoolA]);
  });
});
