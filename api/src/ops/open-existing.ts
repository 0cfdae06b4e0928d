import { existsSync } from 'node:fs';

import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';

import type { Db } from '../db/client.js';
import * as schema from '../db/schema.js';

/**
 * Opens a database the commands must not create by accident (a mistyped EDUFLOW_DATA_DIR would otherwise
 * yield a fresh empty one). `readonly` for the commands that only look.
 */
export function openExistingDb(file: string, opts: { readonly?: boolean } = {}): Db {
  if (!existsSync(file)) throw new Error(`no database at ${file} (check EDUFLOW_DATA_DIR)`);
  const sqlite = new Database(file, { fileMustExist: true, readonly: opts.readonly ?? false });
  sqlite.pragma('busy_timeout = 5000');
  if (!opts.readonly) sqlite.pragma('foreign_keys = ON');
  return drizzle(sqlite, { schema });
}
