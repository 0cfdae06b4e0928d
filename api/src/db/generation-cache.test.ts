import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { orgPath } from '../features/orgs/org-path.js';
import { type Harness, makeHarness } from '../test/harness.js';
import { tx } from './client.js';
import { cachedByGeneration } from './generation-cache.js';
import { organisations } from './schema.js';

// Issue 11: organisations and calendars are kept per process between writes; a write from anywhere shows at once.
let h: Harness;
beforeAll(async () => {
  h = await makeHarness();
});
afterAll(() => h.close());

// Another process or node writing the same database: beneath the app's own connections, committed at once.
const renameElsewhere = (id: string, name: string) =>
  h.sql(sql`update ${organisations} set name = ${name} where id = ${id}`);
const rename = (id: string, name: string) => h.db.update(organisations).set({ name }).where(eq(organisations.id, id));
const nameOf = async (id: string) => (await orgPath({ db: h.db }, id)).at(-1)?.name;

describe('cachedByGeneration', () => {
  it('serves a second read from memory, and a rename made through another connection on the next read', async () => {
    const school = h.orgs.schoolA;
    expect((await orgPath({ db: h.db }, school)).map((o) => o.name)).toEqual([
      '示范区教委',
      '第一教育集团',
      '实验小学',
    ]);
    let loads = 0;
    const read = () => cachedByGeneration(h.db, 'organisations', 'probe', () => (loads += 1));
    await read();
    await read();
    expect(loads).toBe(1);
    await renameElsewhere(school, '第一实验小学');
    await read();
    expect(loads).toBe(2);
    expect(await nameOf(school)).toBe('第一实验小学');
  });

  it('forgets what a rolled-back transaction computed, though the generation number comes back and is reached again', async () => {
    const school = h.orgs.schoolA2;
    await expect(() =>
      tx(h.db, async () => {
        await rename(school, '回滚中的名字');
        expect(await nameOf(school)).toBe('回滚中的名字');
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    // Another write brings the counter to the number the rolled-back one had used.
    await renameElsewhere(school, '第二实验小学');
    expect(await nameOf(school)).toBe('第二实验小学');
  });

  it('forgets what a rolled-back savepoint computed, while its transaction goes on', async () => {
    const school = h.orgs.schoolB;
    await tx(h.db, async () => {
      await expect(() =>
        tx(h.db, async () => {
          await rename(school, '回滚中的名字');
          expect(await nameOf(school)).toBe('回滚中的名字');
          throw new Error('rolled back');
        }),
      ).rejects.toThrow('rolled back');
      // The transaction's next write brings the counter to the number the savepoint had used.
      await rename(school, '育才实验小学');
      expect(await nameOf(school)).toBe('育才实验小学');
    });
    expect(await nameOf(school)).toBe('育才实验小学');
  });
});
