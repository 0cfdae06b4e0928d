import { addWorkdays } from '@eduflow/workflows';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { parseDefinition } from '../../engine.js';
import schoolReport from '../../test/fixtures/school-report.json' with { type: 'json' };
import { type Harness, makeHarness } from '../../test/harness.js';
import { buildEnv, engineActor } from '../instances/engine-env.js';

let h: Harness;
beforeAll(async () => {
  h = await makeHarness();
});
afterAll(() => h.close());

const put = (body: unknown, s: { cookie: string; csrf: string }) =>
  h.app.request('/api/calendar', {
    method: 'PUT',
    headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

describe('school calendar', () => {
  it('starts empty at version 0; the admin saves it with a version check; everyone reads it', async () => {
    const admin = await h.signIn('admin');
    expect(await (await h.get('/api/calendar', admin)).json()).toMatchObject({ holidays: [], version: 0 });
    const body = {
      holidays: ['2026-12-01', '2026-11-30', '2026-11-30'],
      workdays: ['2026-12-06'],
      vacations: [{ from: '2027-01-20', to: '2027-02-25', name: '寒假' }],
      expectedVersion: 0,
    };
    const res = await put(body, admin);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ holidays: ['2026-11-30', '2026-12-01'], version: 1 });
    expect((await put(body, admin)).status).toBe(409);
    const principal = await h.signIn('principalA');
    expect(await (await h.get('/api/calendar', principal)).json()).toMatchObject({
      workdays: ['2026-12-06'],
      version: 1,
    });
    expect((await put({ ...body, expectedVersion: 1 }, principal)).status).toBe(403);
  });

  it('refuses impossible dates and a day that is both holiday and workday, with field messages', async () => {
    const admin = await h.signIn('admin');
    const version = ((await (await h.get('/api/calendar', admin)).json()) as { version: number }).version;
    const bad = await put({ holidays: ['2026-02-30'], workdays: [], vacations: [], expectedVersion: version }, admin);
    expect(bad.status).toBe(400);
    expect(
      ((await bad.json()) as { error: { fieldErrors: Record<string, unknown> } }).error.fieldErrors,
    ).toHaveProperty(['holidays.0']);
    const both = await put(
      { holidays: ['2026-12-02'], workdays: ['2026-12-02'], vacations: [], expectedVersion: version },
      admin,
    );
    expect(both.status).toBe(422);
    const backwards = await put(
      {
        holidays: [],
        workdays: [],
        vacations: [{ from: '2027-02-01', to: '2027-01-01', name: '寒假' }],
        expectedVersion: version,
      },
      admin,
    );
    expect(backwards.status).toBe(400);
  });

  it('is what the engine counts working days with (engine-env passes it as env.calendar)', async () => {
    const parsed = parseDefinition(schoolReport);
    if (!parsed.ok) throw new Error('fixture');
    const subject = {
      orgId: h.orgs.schoolA,
      path: [h.orgs.district, h.orgs.group1, h.orgs.schoolA],
      type: 'school' as const,
    };
    const env = await buildEnv(h.deps, parsed.definition, subject, engineActor(await h.authUser('principalA')));
    expect(env.calendar?.holidays).toEqual(['2026-11-30', '2026-12-01']);
    // Monday 2026-11-23 + 6 working days skips the bureau's holidays on Mon 30 Nov and Tue 1 Dec.
    const due = addWorkdays(env.calendar, h.clock.now(), 6);
    expect(due.toISOString().slice(0, 10)).toBe('2026-12-03');
  });
});
