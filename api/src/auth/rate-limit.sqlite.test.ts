import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { type Harness, makeHarness } from '../test/harness.js';
import { plansOf } from '../test/query-plans.js';
import { FailureWindow } from './rate-limit.js';

let h: Harness;
beforeEach(async () => {
  h = await makeHarness();
});
afterEach(() => h.close());

// SQLite's query plans (EXPLAIN QUERY PLAN): this file runs on SQLite only.
describe('the sign-in failure windows (database-kept, issue 14) (SQLite)', () => {
  it('reads one key on its index and prunes on the time index: a spray over many keys costs each check nothing more', async () => {
    const window = new FailureWindow(h.db, 'address', 20, 60_000);
    const now = h.clock.now().getTime();
    for (let i = 0; i < 200; i += 1) await window.record(`10.0.${i % 50}.1`, now);
    const plans = [
      ...(await plansOf(
        h,
        (deps) => new FailureWindow(deps.db, 'address', 20, 60_000).retryAfter('10.0.1.1', now),
        'sign_in_failures',
      )),
      ...(await plansOf(
        h,
        (deps) => new FailureWindow(deps.db, 'address', 20, 60_000).record('10.0.1.1', now),
        'sign_in_failures',
      )),
    ];
    expect(plans.length).toBeGreaterThanOrEqual(2);
    for (const plan of plans) {
      expect(plan).toMatch(/USING (COVERING )?INDEX sign_in_failures_(key|at)_idx/);
      expect(plan).not.toMatch(/SCAN sign_in_failures|TEMP B-TREE/);
    }
  });
});
