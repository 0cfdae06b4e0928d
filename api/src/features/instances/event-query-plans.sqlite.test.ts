import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { type Harness, makeHarness } from '../../test/harness.js';
import { plansOf } from '../../test/query-plans.js';
import { fireEvent } from './fire-event.js';
import { startInstance } from './start-instance.js';

let h: Harness;
let definitionId: string;
beforeAll(async () => {
  h = await makeHarness();
  definitionId = await h.publish();
  // History for the principal's role at their school: closed tasks the event path must not walk.
  for (let i = 0; i < 30; i += 1) {
    const started = (
      await startInstance(h.deps, {
        actor: await h.authUser('principalA'),
        definitionId,
        subjectOrgId: h.orgs.schoolA,
        data: { title: `报告${i}` },
      })
    ).body;
    await fireEvent(h.deps, {
      actor: await h.authUser('principalA'),
      instanceId: started.id,
      event: { type: 'SUBMIT' },
      expectedVersion: started.version,
    });
  }
});
afterAll(() => h.close());

// Issue 11: an event's cost must not grow with the district's data or the actor's history. Every query
// the event sends about tasks reads the instance's own tasks by (instance_id, status), never the open
// tasks of the district (tasks_open_due_idx) nor every task addressed to the actor's role.
describe('query plans of the event path (issue 11)', () => {
  it("reads only the instance's own tasks: its earliest open deadline and whether the actor has work there", async () => {
    const actor = await h.authUser('principalA');
    const started = (
      await startInstance(h.deps, {
        actor,
        definitionId,
        subjectOrgId: h.orgs.schoolA,
        data: { title: '本次' },
      })
    ).body;
    const plans = await plansOf(
      h,
      (deps) =>
        fireEvent(deps, {
          actor,
          instanceId: started.id,
          event: { type: 'SUBMIT' },
          expectedVersion: started.version,
        }),
      'tasks',
    );
    expect(plans.length).toBeGreaterThan(1);
    for (const plan of plans) {
      expect(plan).not.toMatch(
        /SCAN tasks|tasks_open_due_idx|task_candidates_role_org_open_task_idx|task_candidates_user_open_task_idx/,
      );
    }
    expect(plans.some((p) => /tasks_instance_status_due_idx \(instance_id=\? AND status=\?\)/.test(p))).toBe(true);
  });
});
