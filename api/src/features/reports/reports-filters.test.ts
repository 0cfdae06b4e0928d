import { randomUUID } from 'node:crypto';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { fillPeriods } from '../../bootstrap/fill-periods.js';
import { tx } from '../../db/client.js';
import { findings, instanceParticipants, instances } from '../../db/schema.js';
import { makeWorkflowHarness, type WorkflowHarness } from '../../test/workflow-harness.js';

/**
 * Issue #4: the dashboard's period / group / school filters reach the four domain reports. Rows are
 * written straight into the temp SQLite (the workflows that produce them have their own tests); every
 * read goes through the real routes, CASL scoping included.
 */
let h: WorkflowHarness;
type Json = Record<string, unknown>;
const at = (day: string) => `${day}T02:00:00.000Z`;

async function instance(
  key: string,
  subjectOrgId: string,
  subjectGroupId: string | null,
  day: string,
  data: Json,
  state = 'done',
) {
  const id = randomUUID();
  await tx(h.db, () =>
    h.db.insert(instances).values({
      id,
      definitionId: h.defs[key] ?? '',
      subjectOrgId,
      subjectGroupId,
      districtId: h.orgs.district,
      state,
      status: 'running',
      data,
      snapshot: {},
      createdBy: h.users.admin ?? '',
      createdAt: at(day),
      updatedAt: at(day),
    }),
  );
  return id;
}
async function finding(instanceId: string, schoolId: string, itemCode: string) {
  await tx(h.db, () =>
    h.db.insert(findings).values({
      instanceId,
      schoolId,
      round: 'R1',
      itemCode,
      layer: '主机安全',
      title: itemCode,
      severity: 'medium',
      workdays: 10,
      dueAt: at('2027-01-01'),
      offlineOrdered: false,
      repeat: false,
      status: 'open',
      createdAt: at('2026-11-01'),
    }),
  );
}

let campusAB = '';
beforeAll(async () => {
  h = await makeWorkflowHarness({ reference: false });
  const { schoolA, schoolA2, schoolB, group1, group2, district } = h.orgs;
  // Security inspection: A (two findings, 1 Nov), A2 (one, 1 Oct), B (one, 20 Nov).
  const a = await instance('security-inspection', schoolA, group1, '2026-11-01', { round: 'R1' });
  await finding(a, schoolA, 'HOST-01');
  await finding(a, schoolA, 'DATA-01');
  await finding(
    await instance('security-inspection', schoolA2, group1, '2026-10-01', { round: 'R1' }),
    schoolA2,
    'HOST-01',
  );
  await finding(
    await instance('security-inspection', schoolB, group2, '2026-11-20', { round: 'R1' }),
    schoolB,
    'HOST-01',
  );
  // Bundled assessment: the subject is the group itself.
  await instance('bundled-assessment', group1, group1, '2026-11-01', { cycle: '2026', groupScore: 90, grade: 'A' });
  await instance('bundled-assessment', group2, group2, '2026-11-20', { cycle: '2026', groupScore: 80, grade: 'B' });
  // Campus entry: filed at the district, visiting schools listed in the data.
  const entry = (schoolIds: string[], itemCode: string, day: string) =>
    instance('campus-entry', district, null, day, {
      schoolIds,
      itemCode,
      activityDate: '2026-12-01',
      teacherHours: 2,
    });
  campusAB = await entry([schoolA, schoolB], 'KP-01', '2026-11-01');
  await entry([schoolA2], 'KP-02', '2026-11-20');
  // principalA may read the A+B request as a participant (as a visited school's principal is).
  await tx(h.db, () =>
    h.db
      .insert(instanceParticipants)
      .values({ instanceId: campusAB, userId: h.users.principalA ?? '', role: 'school' }),
  );
  // Teaching award: one scored submission per school.
  await instance(
    'teaching-award',
    schoolA,
    group1,
    '2026-11-01',
    { category: '课堂教学', title: '甲', finalScore: 88, level: 'first' },
    'awarded',
  );
  await instance(
    'teaching-award',
    schoolB,
    group2,
    '2026-11-20',
    { category: '课堂教学', title: '乙', finalScore: 77, level: 'second' },
    'awarded',
  );
  // Rows written straight into the table get their reporting period the way an upgraded database does.
  expect(await fillPeriods(h.deps)).toBe(3 + 2 + 2);
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
