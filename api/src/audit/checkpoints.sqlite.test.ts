import { afterEach, describe, expect, it } from 'vitest';

import { type Harness, makeHarness } from '../test/harness.js';

// SQLite's query plan (EXPLAIN QUERY PLAN): this file runs on SQLite only.
const open: Harness[] = [];
afterEach(async () => {
  for (const h of open.splice(0)) await h.close();
});
async function harness() {
  const h = await makeHarness();
  open.push(h);
  return h;
}

describe('audit checkpoints on SQLite', () => {
  it('checking a checkpoint is a point lookup by seq, not a scan', async () => {
    const h = await harness();
    const plan = h.sqlite.prepare('explain query plan select hash from audit_events where seq = ?').all(1) as Array<{
      detail: string;
    }>;
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/SEARCH audit_events USING INTEGER PRIMARY KEY/);
  });
});
