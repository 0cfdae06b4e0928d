import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { defineAbilityFor } from '../../auth/ability.js';
import type { Deps } from '../../deps.js';
import { type Harness, makeHarness } from '../../test/harness.js';
import { plansOf as plansOfQueries } from '../../test/query-plans.js';
import { listInstances } from '../instances/list-instances.js';
import { listTasks } from './list-tasks.js';

let h: Harness;
beforeAll(async () => {
  h = await makeHarness();
  const definitionId = await h.publish();
  const pa = await h.signIn('principalA');
  for (let i = 0; i < 3; i += 1)
    await h.post('/api/instances', { definitionId, subjectOrgId: h.orgs.schoolA, data: { title: `报告${i}` } }, pa);
});
afterAll(() => h.close());

const plansOf = (run: (deps: Deps) => unknown, table: string) => plansOfQueries(h, run, table);

// The shapes ADR 0006 chose: selective lookups drive; no walk over every open task or every instance.
describe('query plans of the hot lists (docs/decisions/0006)', () => {
  it('the inbox looks tasks up by id from the open candidate rows only, never walking all open tasks nor closed ones', async () => {
    const user = await h.authUser('principalA');
    const plans = await plansOf(
      (deps) => listTasks(deps, { user, ability: defineAbilityFor(user), query: { limit: 20 } }),
      'tasks',
    );
    expect(plans.length).toBeGreaterThan(0);
    for (const plan of plans) {
      expect(plan).toMatch(/SEARCH tasks USING INDEX sqlite_autoindex_tasks_1 \(id=\?\)/);
      // Issue 11: `open` in the index — a role's years of closed tasks are never read.
      expect(plan).toMatch(/task_candidates_role_org_open_task_idx \(role=\? AND org_id=\? AND open=\?\)/);
      expect(plan).toMatch(/task_candidates_user_open_task_idx \(user_id=\? AND open=\?\)/);
      expect(plan).not.toMatch(/SCAN tasks|tasks_open_due_idx/);
    }
  });

  it('a 负担码 report in the bureau inbox joins its instance, report and school by primary key', async () => {
    await h.post(
      '/api/burden-reports',
      { burdenItem: 'other', description: '要求教师每日在群内打卡' },
      await h.signIn('teacherA'),
    );
    const user = await h.authUser('reviewer1');
    const items = (
      await listTasks({ db: h.db, clock: h.clock.now }, { user, ability: defineAbilityFor(user), query: { limit: 20 } })
    ).items;
    expect(items.map((t) => t.definitionKey)).toEqual(['burden-report']);
    const plans = await plansOf(
      (deps) => listTasks(deps, { user, ability: defineAbilityFor(user), query: { limit: 20 } }),
      'tasks',
    );
    for (const plan of plans) {
      expect(plan).toMatch(/SEARCH tasks USING INDEX sqlite_autoindex_tasks_1 \(id=\?\)/);
      expect(plan).toMatch(/SEARCH burden_reports USING INDEX sqlite_autoindex_burden_reports_1 \(id=\?\)/);
      expect(plan).toMatch(/SEARCH organisations USING INDEX sqlite_autoindex_organisations_1 \(id=\?\)/);
      expect(plan).not.toMatch(/SCAN tasks|SCAN burden_reports|SCAN organisations|tasks_open_due_idx/);
    }
  });

  it('a scoped instance list reads each scope (group, participants and tasks) on its index instead of scanning instances', async () => {
    const user = await h.authUser('lead1');
    const [group, ...others] = await plansOf(
      (deps) => listInstances(deps, { user, ability: defineAbilityFor(user), query: { limit: 20, state: 'draft' } }),
      'instances',
    );
    expect(group).toMatch(/instances_group_updated_idx/);
    expect(others.length).toBeGreaterThan(0);
    for (const plan of [group, ...others])
      expect(plan).not.toMatch(/SCAN instances|instances_state_updated_idx|MULTI-INDEX OR/);
  });

  it('an unscoped reader filtering by state reads (state, updated_at) in order, with no sort', async () => {
    const user = await h.authUser('reviewer1');
    const [plan] = await plansOf(
      (deps) => listInstances(deps, { user, ability: defineAbilityFor(user), query: { limit: 20, state: 'draft' } }),
      'instances',
    );
    expect(plan).toMatch(/instances_state_updated_idx \(state=\?\)/);
    expect(plan).not.toMatch(/TEMP B-TREE FOR ORDER BY/);
  });
});
