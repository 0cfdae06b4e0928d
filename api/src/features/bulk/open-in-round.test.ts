import { TEMPLATES } from '@eduflow/workflows';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { makeWorkflowHarness, type WorkflowHarness } from '../../test/workflow-harness.js';

let h: WorkflowHarness;
beforeAll(async () => {
  h = await makeWorkflowHarness();
});
afterAll(() => h.close());

const check = async (
  who: string,
  subjectOrgIds: string[],
  round: string,
  definitionId = h.defs['security-inspection'],
) =>
  h.post(
    '/api/bulk/instances/open-in-round',
    { definitionId, subjectOrgIds, data: { round }, assignments: { inspector: [h.users.inspector] } },
    await h.as(who),
  );

describe('bulk start warns of schools already running the same round (issue 12.11d)', () => {
  it('names the schools with an open instance of the round, whatever version started it; other rounds and closed ones do not count', async () => {
    const started = await h.post(
      '/api/bulk/instances',
      {
        definitionId: h.defs['security-inspection'],
        subjectOrgIds: [h.orgs.schoolA, h.orgs.schoolB],
        data: { round: '2027年春季检查' },
        assignments: { inspector: [h.users.inspector] },
      },
      await h.as('admin'),
    );
    expect((await started.json()).started).toHaveLength(2);
    // A second version of the workflow is the same workflow: its round is the same round.
    const v2 = await h.publish({ ...TEMPLATES['security-inspection'], version: 2 });
    const res = await check('admin', [h.orgs.schoolA, h.orgs.schoolA2], '2027年春季检查', v2);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ field: 'round', period: '2027年春季检查' });
    expect(body.items.map((i: { orgId: string }) => i.orgId)).toEqual([h.orgs.schoolA]);
    expect(body.items[0].title['zh-CN']).toContain('2027年春季检查');
    expect(body.items[0].stateName['zh-CN']).toBeTruthy();
    expect((await (await check('admin', [h.orgs.schoolA], '2027年秋季检查')).json()).items).toEqual([]);
  });

  it('is the bureau’s question: a principal is refused (403); a workflow that is not published is a 422', async () => {
    expect((await check('principalA', [h.orgs.schoolA], '2027年春季检查')).status).toBe(403);
    const res = await check('admin', [h.orgs.schoolA], '2027年春季检查', 'no-such-definition');
    expect(res.status).toBe(422);
    expect((await res.json()).error.fieldErrors.definitionId['zh-CN']).toBe('流程不存在或尚未发布');
  });
});
