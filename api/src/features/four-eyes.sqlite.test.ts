import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { defineAbilityFor } from '../auth/ability.js';
import { CHECKLIST_V1 } from '../test/fixtures/reference-docs.js';
import schoolReport from '../test/fixtures/school-report.json' with { type: 'json' };
import { type Harness, harnessPasswordHash, makeHarness, type Session } from '../test/harness.js';
import { plansOf } from '../test/query-plans.js';
import { getDefinition } from './definitions/get-definition.js';
import { listReference } from './reference/load-reference.js';
import { createUser } from './users/create-user.js';

let h: Harness;
let admin: Session;
beforeAll(async () => {
  h = await makeHarness();
  // A second bureau admin: the one who approves what the first one edits, or edits in turn.
  h.users.admin2 = (
    await createUser(h.deps, {
      username: 'admin2',
      displayName: '李管理',
      passwordHash: await harnessPasswordHash(),
      roles: [{ role: 'bureauAdmin', orgId: h.orgs.district }],
    })
  ).id;
  await h.enrolTotp('admin2');
  admin = await h.signIn('admin');
});
afterAll(() => h.close());

// SQLite's query plans (EXPLAIN QUERY PLAN): this file runs on SQLite only.
describe('four eyes on workflow definitions (SQLite)', () => {
  it('reads them through the audit trail’s entity index, once per draft or once per page of reference data', async () => {
    const id = await h.publish({ ...schoolReport, key: 'four-eyes-plan' });
    expect(
      (
        await h.post(
          '/api/reference/checklists',
          { name: '检查表', content: { ...CHECKLIST_V1, key: 'four-eyes-plan' } },
          admin,
        )
      ).status,
    ).toBe(201);
    const reviewer1 = await h.authUser('reviewer1');
    const single = await plansOf(
      h,
      (deps) => getDefinition(deps, { ability: defineAbilityFor(reviewer1), id }),
      'audit_events',
    );
    const page = await plansOf(
      h,
      (deps) => listReference(deps, { ability: defineAbilityFor(reviewer1), kind: 'checklist', query: { limit: 20 } }),
      'audit_events',
    );
    for (const plans of [single, page]) {
      expect(plans).toHaveLength(1);
      expect(plans[0]).toContain('USING INDEX audit_entity_idx');
      expect(plans[0]).not.toMatch(/SCAN audit_events(?! USING)/);
    }
  });
});
