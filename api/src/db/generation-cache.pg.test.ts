import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { type Harness, makeHarness } from '../test/harness.js';
import { tx } from './client.js';
import { cachedByGeneration } from './generation-cache.js';
import { organisations } from './schema.js';

// Issue 14: on PostgreSQL every generation is a round trip; a transaction reads them once and keeps that
// reading until it writes (generation-cache.ts), as a SQLite transaction sees one snapshot.
let h: Harness;
beforeAll(async () => {
  h = await makeHarness();
});
afterAll(() => h.close());

describe('cachedByGeneration in a PostgreSQL transaction', () => {
  it('keeps its reading while another node commits, and reads again after its own write', async () => {
    let loads = 0;
    const read = () => cachedByGeneration(h.db, 'organisations', 'kept', () => (loads += 1));
    await tx(h.db, async () => {
      await read();
      // Another node renames a school and commits, while this transaction goes on.
      await h.sql(sql`update ${organisations} set name = ${'别处改的名字'} where id = ${h.orgs.schoolA}`);
      await read();
      expect(loads).toBe(1);
      await h.db.update(organisations).set({ name: '本事务改的名字' }).where(eq(organisations.id, h.orgs.schoolB));
      await read();
      expect(loads).toBe(2);
    });
    // After the commit, outside any transaction: the generation both commits bumped.
    await read();
    expect(loads).toBe(3);
  });
});
