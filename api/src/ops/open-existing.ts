import { existsSync } from 'node:fs';

import { type Db, openDb } from '../db/client.js';

/**
 * Opens a database the commands must not create by accident (a mistyped EDUFLOW_DATA_DIR would otherwise
 * yield a fresh empty one). `readonly` for the commands that only look.
 */
export function openExistingDb(file: string, opts: { readonly?: boolean } = {}): Db {
  if (!existsSync(file)) throw new Error(`no database at ${file} (check EDUFLOW_DATA_DIR)`);
  return openDb(file, { mustExist: true, readonly: opts.readonly ?? false });
}
