import { readFileSync } from 'node:fs';

import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { defineAbilityFor } from '../../auth/ability.js';
import { fillTitles } from '../../bootstrap/fill-titles.js';
import { tx } from '../../db/client.js';
import { instances } from '../../db/schema.js';
import { harnessPasswordHash } from '../../test/harness.js';
import { plansOf } from '../../test/query-plans.js';
import { makeWorkflowHarness, type WorkflowHarness } from '../../test/workflow-harness.js';
import { createOrganisation } from '../orgs/create-organisation.js';
import { createUser } from '../users/create-user.js';
import { listInstances } from './list-instances.js';

// Issue 12, item 2: an instance is named by what it is, and by who filed it — never "the district · the workflow".
let h: WorkflowHarness;
let kx: string;
let requestId: string;
beforeAll(async () => {
  h = await makeWorkflowHarness();
  kx = (await createOrganisation(h.deps, { type: 'department', name: '区科学技术协会', parentId: h.orgs.district })).id;
  const passwordHash = await harnessPasswordHash();
  h.users.dept = (
    await createUser(h.deps, {
      username: 'dept',
      displayName: '区科协联络员',
      passwordHash,
      roles: [{ role: 'outsideDept', orgId: kx }],
    })
  ).id;
  const res = await h.start('dept', 'campus-entry', h.orgs.district, {
    itemCode: 'KP-01',
    title: '科普大篷车进校园',
    activityDate: '2027-01-12',
    schoolIds: [h.orgs.schoolA2],
    teacherHours: 1,
  });
  expect(res.status, JSON.stringify(await res.clone().json())).toBe(201);
  requestId = (await res.json()).id;
});
afterAll(() => h.close());

// SQLite's query plans (EXPLAIN QUERY PLAN): this file runs on SQLite only.
describe('an instance is named by its declared title and its requester (SQLite)', () => {
  it('stays on the scope’s indexes: a teacher’s own, a school’s, a department’s requests', async () => {
    for (const [who, query] of [
      ['teacherA', { mine: '1' as const, q: '探究' }],
      ['reviewer1', { orgId: h.orgs.schoolA, q: '探究' }],
      ['principalA', { q: '探究' }],
      ['reviewer1', { mine: '1' as const, q: '检查' }],
    ] as const) {
      const user = await h.authUser(who);
      const ability = defineAbilityFor(user);
      const plans = await plansOf(
        h,
        (deps) => listInstances(deps, { user, ability, query: { limit: 20, ...query } }),
        'instances',
      );
      expect(plans.length).toBeGreaterThan(0);
      // One query per read scope (ADR 0021): none scans, and the reader's own scope walks its index.
      for (const plan of plans) expect(plan, who).not.toMatch(/SCAN instances\b(?! USING)/);
      expect(
        plans.some((plan) => /instances_(created_by|subject|group)_updated_idx/.test(plan)),
        who,
      ).toBe(true);
    }
  });

  it('the start-up fill walks only untitled rows, off their partial index (a start on a city reads no more)', async () => {
    const plans = await plansOf(h, (deps) => fillTitles(deps), 'instances');
    expect(plans.length).toBeGreaterThan(0);
    for (const plan of plans) expect(plan).toMatch(/instances_untitled_idx/);
  });

  it('the migration (0026) names the requester of a row stored before it', async () => {
    await tx(h.db, () => h.db.update(instances).set({ requesterOrgId: null }).where(eq(instances.id, requestId)));
    // The migration's own backfill statement, run again on the emptied row.
    const backfill =
      readFileSync(new URL('../../db/migrations/0026_instance-title-requester.sql', import.meta.url), 'utf8')
        .split('--> statement-breakpoint')
        .at(-1) ?? '';
    h.sqlite.exec(backfill);
    expect(
      (
        await h.db.select({ r: instances.requesterOrgId }).from(instances).where(eq(instances.id, requestId)).limit(1)
      )[0]?.r,
    ).toBe(kx);
  });
});
