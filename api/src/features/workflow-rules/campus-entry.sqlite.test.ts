import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { makeWorkflowHarness, type WorkflowHarness } from '../../test/workflow-harness.js';

let h: WorkflowHarness;
beforeAll(async () => {
  h = await makeWorkflowHarness();
});
afterAll(() => h.close());

const request = (schoolIds: string[], extra: Record<string, unknown> = {}) => ({
  itemCode: 'KP-01',
  title: '科普大篷车进校园',
  activityDate: '2027-01-05',
  schoolIds,
  studentHours: 2,
  teacherHours: 1,
  ...extra,
});
type Started = { id: string; state: string; version: number };

/** The rules the automatic check named when it refused, from the start event's audit meta. */
async function refusedBy(id: string): Promise<string[]> {
  const history = await (await h.get(`/api/instances/${id}/history`, await h.as('outside'))).json();
  const start = history.items.find((e: { action: string }) => e.action === 'instance.start');
  return (start.meta.refusals ?? []).map((r: { rule: string }) => r.rule);
}

// Issue 11: the rule set counts a semester's requests; an event whose guards never read it must not pay for that.

// It counts the statements SQLite's connection prepared: this file runs on SQLite only.
describe('the automatic checks run only when a guard reads them', () => {
  it('counts the semester’s requests when the request is filed, not when the bureau decides on it', async () => {
    const prepared: string[] = [];
    const client = h.sqlite;
    const prepare = client.prepare.bind(client);
    client.prepare = ((source: string) => {
      prepared.push(source);
      return prepare(source);
    }) as typeof client.prepare;
    try {
      const counts = () => prepared.filter((s) => s.includes('json_each')).length;
      const res = await h.start(
        'outside',
        'campus-entry',
        h.orgs.district,
        request([h.orgs.schoolB], { activityDate: '2027-01-12' }),
      );
      expect(res.status).toBe(201);
      const started: Started = await res.json();
      expect(started.state, JSON.stringify(await refusedBy(started.id))).toBe('bureauReview');
      expect(counts()).toBeGreaterThan(0);
      prepared.length = 0;
      // Refused by the bureau (no guard reads the checks): the request stops counting for the tests below.
      expect((await h.fire(started.id, 'reviewer1', 'REJECT', { comment: '与学校教学安排冲突' })).status).toBe(200);
      expect((await h.view(started.id)).state).toBe('refused');
      expect(counts()).toBe(0);
    } finally {
      client.prepare = prepare;
    }
  });
});
