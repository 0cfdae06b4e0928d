import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDb, tx } from './client.js';
import { migrate } from './migrate.js';

const dir = mkdtempSync(join(tmpdir(), 'eduflow-db-'));
const db = openDb(join(dir, 'x.db'));
afterAll(() => {
  db.$client.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('openDb', () => {
  it('sets WAL, foreign keys, busy timeout and NORMAL sync', () => {
    const p = (name: string) => db.$client.pragma(name, { simple: true });
    expect(p('journal_mode')).toBe('wal');
    expect(p('foreign_keys')).toBe(1);
    expect(p('busy_timeout')).toBe(5000);
    expect(p('synchronous')).toBe(1);
  });

  it('migrates idempotently and installs the audit triggers', () => {
    migrate(db);
    migrate(db);
    const triggers = db.$client.prepare("select name from sqlite_master where type = 'trigger' order by name").all();
    expect(triggers).toEqual([{ name: 'audit_events_no_delete' }, { name: 'audit_events_no_update' }]);
  });

  it('tx() commits on return and rolls back on throw', () => {
    db.$client.exec('create table t (x int)');
    tx(db, () => db.$client.prepare('insert into t values (1)').run());
    expect(() =>
      tx(db, () => {
        db.$client.prepare('insert into t values (2)').run();
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(db.$client.prepare('select x from t').all()).toEqual([{ x: 1 }]);
  });
});
