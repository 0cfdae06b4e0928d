import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { TEMPLATES } from '../engine.js';
import { CHECKLIST_V1 } from '../test/fixtures/reference-docs.js';
import { makeWorkflowHarness, type WorkflowHarness } from '../test/workflow-harness.js';
import { declareTemplateBlocks } from './declare-template-blocks.js';

let h: WorkflowHarness;
beforeAll(async () => {
  h = await makeWorkflowHarness();
});
afterAll(() => h.close());

type Json = Record<string, unknown>;
/** A definition as a database written before blocks stored it: the same document without any `blocks`. */
const withoutBlocks = (v: unknown): unknown =>
  Array.isArray(v)
    ? v.map(withoutBlocks)
    : v && typeof v === 'object'
      ? Object.fromEntries(
          Object.entries(v as Json)
            .filter(([k]) => k !== 'blocks' && k !== 'startBlocks')
            .map(([k, x]) => [k, withoutBlocks(x)]),
        )
      : v;

describe('upgrading definitions stored before blocks', () => {
  it('gives an old built-in version its blocks once, audited, so its rules run again; copies under other keys are left alone', async () => {
    const old = await h.publish({ ...(withoutBlocks(TEMPLATES['security-inspection']) as Json), version: 7 });
    const copy = await h.publish({
      ...(withoutBlocks(TEMPLATES['security-inspection']) as Json),
      key: 'my-inspection',
    });
    expect(await declareTemplateBlocks(h.deps)).toBe(1);
    expect(await declareTemplateBlocks(h.deps)).toBe(0);
    const body = async (id: string) =>
      JSON.parse(String((await h.sql(sql`select body from definitions where id = ${id}`))[0]?.body));
    expect((await body(old)).startBlocks).toEqual(TEMPLATES['security-inspection'].startBlocks);
    expect((await body(old)).states.inspection.on.RAISE_FINDINGS.blocks).toHaveLength(2);
    expect((await body(copy)).startBlocks).toBeUndefined();
    expect(
      await h.sql(
        sql`select count(*) as n from audit_events where action = 'definition.upgrade' and entity_id = ${old}`,
      ),
    ).toEqual([{ n: 1 }]);

    // The upgraded version prefills its checklist again.
    const bulk = await h.post(
      '/api/bulk/instances',
      {
        definitionId: old,
        subjectOrgIds: [h.orgs.schoolB],
        data: { round: '旧版本' },
        assignments: { inspector: [h.users.inspector] },
      },
      await h.as('admin'),
    );
    const id = (await bulk.json()).started[0].instanceId;
    expect(((await h.view(id)).data.items as unknown[]).length).toBe(CHECKLIST_V1.items.length);
  });
});
