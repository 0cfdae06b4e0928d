import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { defineAbilityFor } from '../../auth/ability.js';
import { CHECKLIST_V1 } from '../../test/fixtures/reference-docs.js';
import { plansOf } from '../../test/query-plans.js';
import { makeWorkflowHarness, type WorkflowHarness } from '../../test/workflow-harness.js';
import type { TFindingQuery } from './findings.types.js';
import { listFindings } from './list-findings.js';

let h: WorkflowHarness;

/** Two rounds at 实验小学 (HOST-01 fails in both, so the second is a repeat) and one at the other school. */
async function inspect(
  school: string,
  principal: string,
  round: string,
  fails: Record<string, 'high' | 'medium' | 'low'>,
) {
  const started = await (
    await h.start('admin', 'security-inspection', school, { round }, { inspector: [h.users.inspector] })
  ).json();
  const items = CHECKLIST_V1.items.map((i) =>
    fails[i.code]
      ? { ...i, result: 'fail', severity: fails[i.code], offline: fails[i.code] === 'high' }
      : { ...i, result: 'pass' },
  );
  expect((await h.fire(started.id, principal, 'SUBMIT', { data: { items } })).status).toBe(200);
  expect((await h.fire(started.id, 'inspector', 'RAISE_FINDINGS', { comment: '存在问题' })).status).toBe(200);
}

beforeAll(async () => {
  h = await makeWorkflowHarness();
  await inspect(h.orgs.schoolA, 'principalA', '春季', { 'HOST-01': 'high', 'DATA-01': 'medium' });
  await inspect(h.orgs.schoolA, 'principalA', '秋季', { 'HOST-01': 'high', 'MGT-01': 'low' });
  await inspect(h.orgs.schoolB, 'principalB', '秋季', { 'HOST-01': 'medium', 'PHY-01': 'high' });
});
afterAll(() => h.close());

// SQLite's query plans (EXPLAIN QUERY PLAN): this file runs on SQLite only.
describe('GET /api/findings filters for the 整改问题 page (issue 4) (SQLite)', () => {
  it('leaves the access path of the list unchanged under the new filters', async () => {
    const user = await h.authUser('reviewer1');
    const ability = defineAbilityFor(user);
    const planOf = async (query: TFindingQuery): Promise<string> => {
      const plans = await plansOf(h, (deps) => listFindings(deps, { user, ability, query }), 'findings');
      expect(plans.length).toBe(1);
      return plans[0] ?? '';
    };
    for (const sort of ['dueAt', 'createdAt'] as const) {
      for (const order of ['asc', 'desc'] as const) {
        const base = await planOf({ limit: 1, sort, order });
        // Issue 11: the bureau's ledger walks the findings' own sort index, never every inspection's findings sorted.
        expect(base).toMatch(/SCAN findings USING INDEX findings_(due|created)_idx/);
        expect(base).not.toMatch(/TEMP B-TREE/);
        for (const extra of [
          { severity: 'high' },
          { layer: '主机安全' },
          { repeat: '1' },
          { offline: '1', severity: 'high' },
        ] as const) {
          expect(await planOf({ limit: 1, sort, order, ...extra }), `${sort} ${order} ${JSON.stringify(extra)}`).toBe(
            base,
          );
        }
      }
    }
  });
});
