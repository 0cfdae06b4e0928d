import { afterAll, describe, expect, it } from 'vitest';

import { makeHarness } from '../test/harness.js';
import { startOptimizer } from './start-optimizer.js';

const h = await makeHarness();
afterAll(() => h.close());

describe('planner statistics (issue 11)', () => {
  it('are gathered when the server opens the database, so SQLite plans from the data, not from guesses', () => {
    h.publish();
    const stats = () =>
      (h.db.$client.prepare("select count(*) n from sqlite_master where name = 'sqlite_stat1'").get() as { n: number })
        .n;
    expect(stats()).toBe(0);
    const optimizer = startOptimizer(h.db);
    optimizer.stop();
    expect(h.db.$client.prepare("select idx from sqlite_stat1 where tbl = 'definitions'").all().length).toBeGreaterThan(
      0,
    );
  });
});
