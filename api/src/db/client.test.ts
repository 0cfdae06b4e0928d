import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { closeDb, openDb, tx, writerOf } from './client.js';
import { migrate } from './migrate.js';

const dir = mkdtempSync(join(tmpdir(), 'eduflow-db-'));
const db = openDb(join(dir, 'x.db'));
afterAll(() => {
  closeDb(db);
  rmSync(dir, { recursive: true, force: true });
});

describe('openDb', () => {
  it('sets WAL, foreign keys, busy timeout and NORMAL sync', () => {
    const p = (name: string) => writerOf(db).$client.pragma(name, { simple: true });
    expect(p('journal_mode')).toBe('wal');
    expect(p('foreign_keys')).toBe(1);
    expect(p('busy_timeout')).toBe(5000);
    expect(p('synchronous')).toBe(1);
  });

  it('migrates idempotently and installs the audit, tally, report-tally, candidate and cache-generation triggers', () => {
    migrate(db);
    migrate(db);
    const triggers = writerOf(db)
      .$client.prepare("select name from sqlite_master where type = 'trigger' order by name")
      .all();
    expect(triggers).toEqual(
      [
        'audit_events_no_delete',
        'audit_events_no_update',
        'award_tallies_delete',
        'award_tallies_insert',
        'award_tallies_update',
        'calendars_delete_generation',
        'calendars_insert_generation',
        'calendars_update_generation',
        'definitions_delete_generation',
        'definitions_insert_generation',
        'definitions_update_generation',
        'delegations_delete_generation',
        'delegations_insert_generation',
        'delegations_update_generation',
        'entry_tallies_delete',
        'entry_tallies_insert',
        'entry_tallies_update',
        'finding_tallies_delete',
        'finding_tallies_insert',
        'finding_tallies_instance_update',
        'finding_tallies_update',
        'instance_tallies_delete',
        'instance_tallies_insert',
        'instance_tallies_update',
        'open_task_tallies_delete',
        'open_task_tallies_insert',
        'open_task_tallies_update',
        'organisations_delete_generation',
        'organisations_insert_generation',
        'organisations_update_generation',
        'period_tallies_delete',
        'period_tallies_insert',
        'period_tallies_update',
        'role_grants_delete_generation',
        'role_grants_insert_generation',
        'role_grants_update_generation',
        'statutory_years_delete_generation',
        'statutory_years_insert_generation',
        'statutory_years_update_generation',
        'task_candidates_follow_status',
        'users_delete_generation',
        'users_insert_generation',
        'users_update_generation',
      ].map((name) => ({ name })),
    );
  });

  it('tx() commits on return and rolls back on throw', async () => {
    writerOf(db).$client.exec('create table t (x int)');
    await tx(db, () => writerOf(db).$client.prepare('insert into t values (1)').run());
    await expect(() =>
      tx(db, () => {
        writerOf(db).$client.prepare('insert into t values (2)').run();
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(writerOf(db).$client.prepare('select x from t').all()).toEqual([{ x: 1 }]);
  });
});

// Issue 11: statements are compiled once and reused; reuse must never change what a caller gets back.
describe('the statement cache', () => {
  it('hands out the same compiled statement for the same SQL, reset to plain rows after raw or pluck use', () => {
    writerOf(db).$client.exec('create table if not exists cache_probe (k text primary key, v integer)');
    writerOf(db).$client.prepare('insert or replace into cache_probe values (?, ?)').run('a', 1);
    const first = writerOf(db).$client.prepare('select k, v from cache_probe where k = ?');
    expect(writerOf(db).$client.prepare('select k, v from cache_probe where k = ?')).toBe(first);
    expect(first.raw().get('a')).toEqual(['a', 1]);
    expect(writerOf(db).$client.prepare('select k, v from cache_probe where k = ?').get('a')).toEqual({ k: 'a', v: 1 });
    expect(writerOf(db).$client.prepare('select k, v from cache_probe where k = ?').pluck().get('a')).toBe('a');
    expect(writerOf(db).$client.prepare('select k, v from cache_probe where k = ?').get('a')).toEqual({ k: 'a', v: 1 });
  });

  it('gives a fresh statement while the cached one is still being iterated', () => {
    writerOf(db).$client.prepare('insert or replace into cache_probe values (?, ?)').run('b', 2);
    const seen: unknown[] = [];
    for (const row of writerOf(db).$client.prepare('select k from cache_probe order by k').iterate()) {
      seen.push([row, writerOf(db).$client.prepare('select k from cache_probe order by k').all().length]);
    }
    expect(seen).toEqual([
      [{ k: 'a' }, 2],
      [{ k: 'b' }, 2],
    ]);
  });
});
