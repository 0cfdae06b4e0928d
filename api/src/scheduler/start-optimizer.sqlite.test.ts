import { afterAll, describe, expect, it } from 'vitest';

import { makeHarness } from '../test/harness.js';
import { startOptimizer } from './start-optimizer.js';

const h = await makeHarness();
afterAll(() => h.close());

describe('planner statistics (issue 11)', () => {
  it('are gathered when the server opens the database, so SQLite plans from the data, not from guesses', async () => {
    await h.publish();
    const stats = () =>
      (h.sqlite.prepare("select count(*) n from sqlite_master where name = 'sqlite_stat1'").get() as { n: number }).n;
    expect(stats()).toBe(0);
    const optimizer = await startOptimizer(h.db);
    await optimizer.stop();
    expect(h.sqlite.prepare("select idx from sqlite_stat1 where tbl = 'definitions'").all().length).toBeGreaterThan(0);
  });
});
