import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { makeWorkflowHarness, type WorkflowHarness } from '../../test/workflow-harness.js';

// Issue 12, item 7: the start form offers only what POST /instances would accept, the caller's own pre-selected.
let h: WorkflowHarness;
beforeAll(async () => {
  h = await makeWorkflowHarness();
});
afterAll(() => h.close());

type Subjects = { items: Array<{ id: string; name: string }>; preselected: string | null };
const subjectsFor = async (who: string, key: string) => {
  const res = await h.get(`/api/definitions/${h.defs[key]}/start-subjects`, await h.as(who));
  expect(res.status).toBe(200);
  return (await res.json()) as Subjects;
};

describe('GET /definitions/:id/start-subjects', () => {
  it('a teacher may start an award submission for their own school only, and it is pre-selected', async () => {
    const s = await subjectsFor('teacherA', 'teaching-award');
    expect(s.items.map((o) => o.id)).toEqual([h.orgs.schoolA]);
    expect(s.preselected).toBe(h.orgs.schoolA);
  });

  it('a principal is offered nothing where the definition does not list principals as starters', async () => {
    expect(await subjectsFor('principalA', 'teaching-award')).toEqual({ items: [], preselected: null });
  });

  it('the bureau may pick any school, with none pre-selected; the district-wide request has its one subject', async () => {
    const s = await subjectsFor('admin', 'security-inspection');
    expect(s.items.map((o) => o.id).sort()).toEqual([h.orgs.schoolA, h.orgs.schoolA2, h.orgs.schoolB].sort());
    expect(s.preselected).toBeNull();
    expect(await subjectsFor('outside', 'campus-entry')).toEqual({
      items: [{ id: h.orgs.district, name: '示范区教委', type: 'district' }],
      preselected: h.orgs.district,
    });
  });

  it('agrees with POST /instances on every school offered and every school left out', async () => {
    const offered = new Set((await subjectsFor('teacherA', 'teaching-award')).items.map((o) => o.id));
    for (const school of [h.orgs.schoolA, h.orgs.schoolA2, h.orgs.schoolB]) {
      const res = await h.start('teacherA', 'teaching-award', school, {
        category: 'course',
        title: '一节好课',
        completers: [{ name: 'teacherA', unit: '实验小学' }],
        summaryReport: '总结',
        practiceYears: 3,
      });
      expect(res.status === 201, `${school}: ${res.status}`).toBe(offered.has(school));
    }
  });

  it('GET /definitions?startable=1 lists only the workflows the caller may start somewhere', async () => {
    const keysFor = async (who: string, extra = '') => {
      const res = await h.get(`/api/definitions?status=published&startable=1${extra}`, await h.as(who));
      expect(res.status).toBe(200);
      return ((await res.json()).items as Array<{ key: string }>).map((d) => d.key).sort();
    };
    expect(await keysFor('teacherA')).toEqual(['teaching-award']);
    expect(await keysFor('principalA')).toEqual([]);
    expect(await keysFor('outside')).toEqual(['campus-entry']);
    expect(await keysFor('admin')).toEqual(['bundled-assessment', 'security-inspection']);
    expect(await keysFor('teacherA', '&block=entryRules')).toEqual([]);
  });

  it('answers 404 for a draft or an unknown workflow', async () => {
    expect((await h.get('/api/definitions/no-such-id/start-subjects', await h.as('teacherA'))).status).toBe(404);
  });
});
