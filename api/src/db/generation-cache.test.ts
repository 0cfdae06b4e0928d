import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { orgPath } from '../features/orgs/org-path.js';
import { closeDb, openDb, tx, writerOf } from './client.js';
import { cachedByGeneration } from './generation-cache.js';
import { migrate } from './migrate.js';

// Issue 11: organisations and calendars are kept per process between writes; a write from anywhere shows at once.
const dir = mkdtempSync(join(tmpdir(), 'eduflow-gen-'));
const file = join(dir, 'x.db');
const db = openDb(file);
migrate(db);
const other = openDb(file); // another process or node writing the same database
afterAll(() => {
  closeDb(db);
  closeDb(other);
  rmSync(dir, { recursive: true, force: true });
});
const addOrg = (id: string, name: string, parentId: string | null) =>
  writerOf(db)
    .$client.prepare('insert into organisations (id, name, type, parent_id) values (?, ?, ?, ?)')
    .run(id, name, parentId ? 'school' : 'district', parentId);

describe('cachedByGeneration', () => {
  it('serves a second read from memory, and a rename made through another connection on the next read', async () => {
    addOrg('d', '高新区', null);
    addOrg('s', '第一小学', 'd');
    expect((await orgPath({ db }, 's')).map((o) => o.name)).toEqual(['高新区', '第一小学']);
    let loads = 0;
    const read = () => cachedByGeneration(db, 'organisations', 'probe', () => (loads += 1));
    await read();
    await read();
    expect(loads).toBe(1);
    writerOf(other).$client.prepare('update organisations set name = ? where id = ?').run('第一实验小学', 's');
    await read();
    expect(loads).toBe(2);
    expect((await orgPath({ db }, 's')).map((o) => o.name)).toEqual(['高新区', '第一实验小学']);
  });

  it('forgets what a rolled-back transaction computed, though the generation number comes back and is reached again', async () => {
    await expect(() =>
      tx(db, async () => {
        db.$client.prepare('update organisations set name = ? where id = ?').run('回滚中的名字', 's');
        expect((await orgPath({ db }, 's'))[1]?.name).toBe('回滚中的名字');
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    // Another write brings the counter to the number the rolled-back one had used.
    writerOf(other).$client.prepare('update organisations set name = ? where id = ?').run('第二实验小学', 's');
    expect((await orgPath({ db }, 's'))[1]?.name).toBe('第二实验小学');
  });
});
