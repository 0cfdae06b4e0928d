import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { type Harness, makeHarness } from '../../test/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await makeHarness();
});
afterAll(() => h.close());

type DueDate = { from: string; workdays: number; dueDate: string; dueAt: string };
const dueDate = async (query: string, who = 'principalA') =>
  h.get(`/api/calendar/due-date?${query}`, await h.signIn(who));

describe('GET /calendar/due-date (工作日计算)', () => {
  it('skips 国庆 and counts the make-up Saturday, as the engine does', async () => {
    const res = await dueDate('from=2026-09-30&workdays=1');
    expect(res.status).toBe(200);
    // 1–7 October are statutory holidays: the first working day after 30 September is 8 October.
    expect(await res.json()).toEqual({
      from: '2026-09-30',
      workdays: 1,
      dueDate: '2026-10-08',
      dueAt: '2026-10-08T15:59:59.000Z',
    });
    // Saturday 10 October is a make-up workday (调休).
    expect(((await (await dueDate('from=2026-09-30&workdays=3')).json()) as DueDate).dueDate).toBe('2026-10-10');
  });

  it('skips the district’s 寒假 once the bureau saves it', async () => {
    expect(((await (await dueDate('from=2027-01-22&workdays=1')).json()) as DueDate).dueDate).toBe('2027-01-25');
    const admin = await h.signIn('admin');
    const saved = await h.app.request('/api/calendar', {
      method: 'PUT',
      headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf, 'content-type': 'application/json' },
      body: JSON.stringify({
        holidays: [],
        workdays: [],
        vacations: [{ from: '2027-01-23', to: '2027-02-21', name: '寒假' }],
        expectedVersion: 0,
      }),
    });
    expect(saved.status, await saved.clone().text()).toBe(200);
    // Friday 22 January + 1 working day: the vacation runs to Sunday 21 February, so Monday 22 February.
    expect(((await (await dueDate('from=2027-01-22&workdays=1')).json()) as DueDate).dueDate).toBe('2027-02-22');
    expect(((await (await dueDate('from=2027-01-21&workdays=2')).json()) as DueDate).dueDate).toBe('2027-02-22');
  });

  it('refuses a bad date or count with field messages in both languages, and asks to sign in', async () => {
    for (const [query, field] of [
      ['from=2026-02-30&workdays=5', 'from'],
      ['from=2026-10-01&workdays=0', 'workdays'],
      ['from=2026-10-01&workdays=abc', 'workdays'],
      ['workdays=5', 'from'],
    ] as const) {
      const res = await dueDate(query);
      expect(res.status, query).toBe(400);
      const message = (
        (await res.json()) as { error: { fieldErrors: Record<string, { 'zh-CN': string; en: string }> } }
      ).error.fieldErrors[field];
      expect(message?.['zh-CN'], query).toBeTruthy();
      expect(message?.en, query).toBeTruthy();
    }
    expect((await h.app.request('/api/calendar/due-date?from=2026-10-01&workdays=5')).status).toBe(401);
  });
});
