import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { auditEvents } from '../../db/schema.js';
import { type Harness, makeHarness, type Session } from '../../test/harness.js';

let h: Harness;
let admin: Session;
beforeAll(async () => {
  h = await makeHarness();
  admin = await h.signIn('admin');
});
afterAll(() => h.close());

// A made-up 2027 arrangement for the tests, NOT the State Council's (unpublished when written).
const days = (dates: string[], name: string) => dates.map((date) => ({ date, name }));
const TEST_2027 = {
  holidays: days(
    ['2027-10-01', '2027-10-02', '2027-10-03', '2027-10-04', '2027-10-05', '2027-10-06', '2027-10-07'],
    '国庆节',
  ),
  workdays: days(['2027-09-26', '2027-10-09'], '国庆节'),
  documentNo: '测试〔2027〕1号',
  title: '测试用安排（非官方）',
};

type Coverage = {
  today: string;
  dataset: { name: string; version: string; years: number[] };
  bureauYears: number[];
  years: Array<{ year: number; source: string | null }>;
  uncoveredDeadlines: Array<{ year: number; firstDueAt: string }>;
};
type Health = {
  status: string;
  calendar: { uncoveredDeadlineYears: number[]; nextYear: { year: number; covered: boolean } };
};
type FieldErrors = { error: { code: string; fieldErrors: Record<string, { 'zh-CN': string; en: string }> } };

const send = (method: 'PUT' | 'DELETE', path: string, body: unknown, s: Session = admin) =>
  h.app.request(path, {
    method,
    headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
const coverage = async () => (await (await h.get('/api/calendar/coverage', admin)).json()) as Coverage;
const health = async () => (await (await h.get('/api/health')).json()) as Health;
const dueDate = async (from: string, workdays: number) =>
  (
    (await (await h.get(`/api/calendar/due-date?from=${from}&workdays=${workdays}`, admin)).json()) as {
      dueDate: string;
    }
  ).dueDate;

describe('statutory coverage: the package’s years, the bureau’s, and the deadlines in neither', () => {
  it('says which years the installed chinese-days covers, from its data, and that next year is not covered', async () => {
    const c = await coverage();
    expect(c.today).toBe('2026-11-23');
    expect(c.dataset.name).toBe('chinese-days');
    expect(c.dataset.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(c.dataset.years).toContain(2026);
    expect(c.dataset.years).not.toContain(2027);
    expect(c.years).toEqual([
      { year: 2026, source: 'package' },
      { year: 2027, source: null },
    ]);
    expect(c.bureauYears).toEqual([]);
    expect(c.uncoveredDeadlines).toEqual([]);
    expect((await health()).calendar).toEqual({ uncoveredDeadlineYears: [], nextYear: { year: 2027, covered: false } });
  });

  it('lists an uncovered year an open deadline falls into, in the API and in /api/health', async () => {
    // Monday 28 December 2026 + 5 working days: 2027-01-01 counts as a working day while 2027 is uncovered.
    h.clock.set('2026-12-28T02:00:00.000Z');
    admin = await h.signIn('admin'); // the old session timed out over the month
    const filed = await h.post(
      '/api/burden-reports',
      { burdenItem: 'other', description: '要求教师填写与教学无关的表格', hours: 2 },
      await h.signIn('teacherA'),
    );
    expect(filed.status, await filed.clone().text()).toBe(201);
    expect(((await filed.json()) as { dueAt: string }).dueAt).toBe('2027-01-04T15:59:59.000Z');
    expect((await coverage()).uncoveredDeadlines).toEqual([{ year: 2027, firstDueAt: '2027-01-04T15:59:59.000Z' }]);
    expect((await health()).calendar.uncoveredDeadlineYears).toEqual([2027]);
  });
});

describe('PUT /calendar/statutory/{year}: the bureau loads a year the package does not cover', () => {
  it('refuses impossible dates, days outside the year, a day both off and worked, a weekday make-up, in both languages; writes nothing', async () => {
    const cases: Array<[string, unknown, string, RegExp]> = [
      [
        '2027',
        { ...TEST_2027, holidays: days(['2027-02-30'], '春节'), expectedVersion: 0 },
        'holidays.0.date',
        /有效的日期/,
      ],
      [
        '2027',
        { ...TEST_2027, holidays: [...TEST_2027.holidays, ...days(['2026-12-31'], '元旦')], expectedVersion: 0 },
        'holidays.7.date',
        /不在 2027 年内/,
      ],
      [
        '2027',
        { ...TEST_2027, workdays: days(['2027-10-02'], '国庆节'), expectedVersion: 0 },
        'workdays.0.date',
        /不能既放假又调休上班/,
      ],
      [
        '2027',
        { ...TEST_2027, workdays: days(['2027-09-27'], '国庆节'), expectedVersion: 0 },
        'workdays.0.date',
        /星期一，本来就是工作日/,
      ],
      [
        '2027',
        { ...TEST_2027, holidays: [...TEST_2027.holidays, ...days(['2027-10-01'], '国庆节')], expectedVersion: 0 },
        'holidays.7.date',
        /重复/,
      ],
      ['2027', { ...TEST_2027, holidays: [], expectedVersion: 0 }, 'holidays', /./],
      [
        '2026',
        { ...TEST_2027, holidays: days(['2026-10-01'], '国庆节'), workdays: [], expectedVersion: 0 },
        'replacesPackage',
        /内置数据/,
      ],
      ['1999', { ...TEST_2027, expectedVersion: 0 }, 'year', /./],
    ];
    for (const [year, body, field, zh] of cases) {
      const res = await send('PUT', `/api/calendar/statutory/${year}`, body);
      expect(res.status, field).toBe(400);
      const message = ((await res.json()) as FieldErrors).error.fieldErrors[field];
      expect(message?.['zh-CN'], field).toMatch(zh);
      expect(message?.en, field).toBeTruthy();
    }
    expect((await coverage()).bureauYears).toEqual([]);
  });

  it('loads 2027 (versioned, audited); the year counts as covered and deadlines skip its 国庆 days', async () => {
    expect(await dueDate('2027-09-30', 1)).toBe('2027-10-01');
    const res = await send('PUT', '/api/calendar/statutory/2027', { ...TEST_2027, expectedVersion: 0 });
    expect(res.status, await res.clone().text()).toBe(200);
    expect(await res.json()).toMatchObject({
      year: 2027,
      version: 1,
      inEffect: true,
      replacesPackage: false,
      source: 'form',
      documentNo: '测试〔2027〕1号',
      updatedBy: 'admin',
      holidays: TEST_2027.holidays,
    });
    // Thu 30 Sept + 1 → Fri 8 Oct; + 2 → the make-up Saturday 9 Oct.
    expect(await dueDate('2027-09-30', 1)).toBe('2027-10-08');
    expect(await dueDate('2027-09-30', 2)).toBe('2027-10-09');
    const c = await coverage();
    expect(c.bureauYears).toEqual([2027]);
    expect(c.years.find((y) => y.year === 2027)?.source).toBe('bureau');
    expect(c.uncoveredDeadlines).toEqual([]);
    expect((await health()).calendar.uncoveredDeadlineYears).toEqual([]);

    expect((await send('PUT', '/api/calendar/statutory/2027', { ...TEST_2027, expectedVersion: 0 })).status).toBe(409);
    const audit = await h.db.select().from(auditEvents).where(eq(auditEvents.action, 'calendar.statutory.update'));
    expect(audit.map((a) => [a.outcome, a.entityId])).toEqual([['success', `${h.orgs.district}/2027`]]);
    const list = (await (await h.get('/api/calendar/statutory', await h.signIn('principalA'))).json()) as {
      items: Array<{ year: number }>;
    };
    expect(list.items.map((y) => y.year)).toEqual([2027]);
  });

  it('a new deadline opened across 2027-10-01 skips the loaded 国庆 days (the engine’s env.calendar)', async () => {
    // Thursday 30 September 2027 + 5 working days: 8, 9 (make-up Saturday), 11, 12, 13 October.
    h.clock.set('2027-09-30T02:00:00.000Z');
    const filed = await h.post(
      '/api/burden-reports',
      { burdenItem: 'other', description: '节前突击检查材料', hours: 1 },
      await h.signIn('teacherA'),
    );
    expect(((await filed.json()) as { dueAt: string }).dueAt).toBe('2027-10-13T15:59:59.000Z');
    h.clock.set('2026-12-28T02:00:00.000Z');
    admin = await h.signIn('admin');
  });

  it('only the bureau admin may load or withdraw a year; a refusal is audited', async () => {
    const principal = await h.signIn('principalA');
    expect(
      (
        await send(
          'PUT',
          '/api/calendar/statutory/2028',
          { ...TEST_2027, holidays: days(['2028-10-02'], '国庆节'), workdays: [], expectedVersion: 0 },
          principal,
        )
      ).status,
    ).toBe(403);
    expect((await send('DELETE', '/api/calendar/statutory/2027?expectedVersion=1', undefined, principal)).status).toBe(
      403,
    );
    const denied = (await h.db.select().from(auditEvents).where(eq(auditEvents.outcome, 'denied'))).map(
      (a) => a.action,
    );
    expect(denied).toEqual(expect.arrayContaining(['calendar.statutory.update', 'calendar.statutory.delete']));
  });

  it('replaces a package year only when told to, and withdraws a loaded year with a version check', async () => {
    const replaced = await send('PUT', '/api/calendar/statutory/2026', {
      holidays: days(['2026-10-01'], '国庆节'),
      workdays: [],
      replacesPackage: true,
      expectedVersion: 0,
    });
    expect(replaced.status, await replaced.clone().text()).toBe(200);
    expect(await replaced.json()).toMatchObject({
      year: 2026,
      inEffect: true,
      replacesPackage: true,
      documentNo: null,
    });
    expect((await coverage()).years[0]).toEqual({ year: 2026, source: 'bureau' });
    // The package's 2 October is no longer a day off: the bureau's 2026 gives only 1 October.
    expect(await dueDate('2026-09-30', 1)).toBe('2026-10-02');

    expect((await send('DELETE', '/api/calendar/statutory/2026?expectedVersion=2', undefined)).status).toBe(409);
    expect((await send('DELETE', '/api/calendar/statutory/2026?expectedVersion=1', undefined)).status).toBe(200);
    expect((await send('DELETE', '/api/calendar/statutory/2026?expectedVersion=1', undefined)).status).toBe(404);
    expect((await coverage()).years[0]).toEqual({ year: 2026, source: 'package' });
    expect(await dueDate('2026-09-30', 1)).toBe('2026-10-08');
    expect(
      (await h.db.select().from(auditEvents).where(eq(auditEvents.action, 'calendar.statutory.delete'))).filter(
        (a) => a.outcome === 'success',
      ),
    ).toHaveLength(1);
  });
});
