import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { type Harness, makeHarness } from '../test/harness.js';
import { FailureWindow } from './rate-limit.js';

let h: Harness;
beforeEach(async () => {
  h = await makeHarness();
});
afterEach(() => h.close());

describe('the sign-in failure windows (database-kept, issue 14)', () => {
  it('slide: a key is refused at its limit until its oldest counted failure leaves the window; old rows are pruned', async () => {
    const window = new FailureWindow(h.db, 'username', 3, 60_000);
    const t0 = h.clock.now().getTime();
    for (const dt of [0, 10_000, 20_000]) await window.record('teachera', t0 + dt);
    expect(await window.retryAfter('teachera', t0 + 30_000)).toBe(30_000);
    expect(await window.retryAfter('someone-else', t0 + 30_000)).toBe(0);
    expect(await window.retryAfter('teachera', t0 + 60_001)).toBe(0);
    expect(await window.failedRecently('teachera', t0 + 60_001)).toBe(true);
    await window.record('other', t0 + 200_000); // prunes the three, long gone from the window
    expect(await h.sql(sql`select count(*) as n from sign_in_failures`)).toEqual([{ n: 1 }]);
  });
});
