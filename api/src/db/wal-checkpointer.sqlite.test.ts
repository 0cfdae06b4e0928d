import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { closeDb, openDb, writerOf } from './client.js';
import { startWalCheckpointer, type TCheckpointRun } from './wal-checkpointer.js';

describe('the WAL checkpointer', () => {
  it('copies the log into the database from its own thread; the serving connection no longer does it in a commit', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'eduflow-wal-'));
    const file = join(dir, 'test.db');
    const db = openDb(file);
    try {
      const runs: TCheckpointRun[] = [];
      const checkpointer = startWalCheckpointer(db, { everyMs: 20, onRun: (r) => runs.push(r) });
      expect(writerOf(db).$client.pragma('wal_autocheckpoint', { simple: true })).toBe(20_000);
      writerOf(db).$client.exec('create table t (id integer primary key, body text)');
      const insert = writerOf(db).$client.prepare('insert into t (body) values (?)');
      // About 1,500 pages: SQLite's own checkpoint would have run inside one of these commits.
      for (let i = 0; i < 30; i += 1)
        writerOf(db).$client.transaction(() => {
          for (let j = 0; j < 50; j += 1) insert.run('x'.repeat(4000));
        })();
      const copied = () => runs.some((r) => !('error' in r) && r.log >= 1500 && r.checkpointed === r.log);
      for (let i = 0; i < 200 && !copied(); i += 1) await new Promise((resolve) => setTimeout(resolve, 10));
      expect(copied()).toBe(true);
      expect(runs.filter((r) => 'error' in r)).toEqual([]);
      await checkpointer.stop();
      closeDb(db);
      // The serving connection closed last: the log is gone, the rows are in the file.
      expect(existsSync(`${file}-wal`)).toBe(false);
      expect(statSync(file).size).toBeGreaterThan(1500 * 4096);
      const again = openDb(file);
      expect(writerOf(again).$client.prepare('select count(*) n from t').get()).toEqual({ n: 1500 });
      closeDb(again);
    } finally {
      closeDb(db);
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
