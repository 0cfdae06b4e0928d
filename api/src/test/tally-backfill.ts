import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { type Db, dialectOf } from '../db/client.js';

const folder = (dialect: 'sqlite' | 'postgresql') =>
  fileURLToPath(new URL(dialect === 'sqlite' ? '../db/migrations/' : '../db/migrations-pg/', import.meta.url));
const statementsOf = (file: string) =>
  readFileSync(file, 'utf8')
    .split('--> statement-breakpoint')
    .map((s) => s.trim());

/**
 * The statements the migrations count `tables` with from the rows already there, for a test to run again
 * and compare with what the triggers kept: SQLite's INSERTs in the migration that made each table;
 * PostgreSQL's recount in 0002_triggers (the tallies were counted afresh there, every one at once).
 */
export function tallyBackfill(db: Db, tables: string[]): string[] {
  const dialect = dialectOf(db);
  const dir = folder(dialect);
  if (dialect === 'postgresql') {
    const file = readdirSync(dir).find((f) => f.endsWith('_triggers.sql')) as string;
    const all = statementsOf(dir + file);
    return all.slice(all.findIndex((s) => s.startsWith('-- Counted afresh')));
  }
  const inserts = new RegExp(`^(--[^\\n]*\\n)*INSERT INTO (${tables.join('|')}) `);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .sort()
    .flatMap((f) => statementsOf(dir + f).filter((s) => inserts.test(s)));
}
