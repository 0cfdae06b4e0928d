/**
 * npm run db:storage -- [--db <file>] [--data-dir <dir>] [--json]
 *
 * Prints where the database's bytes go, per table and per index, per instance (read-only; safe on a live
 * server's database). Issue 11's storage target is per completed instance: docs/bench/storage.md.
 */
import { parseArgs } from 'node:util';

import { dataDirFromEnv, dbFileIn } from '../data-dir.js';
import { closeDb } from '../db/client.js';
import { openExistingDb } from './open-existing.js';
import { storageBreakdown, storageTable } from './storage-breakdown.js';
import { userPath } from './user-path.js';

const { values } = parseArgs({
  options: { 'data-dir': { type: 'string' }, db: { type: 'string' }, json: { type: 'boolean', default: false } },
});
const file = values.db
  ? userPath(values.db)
  : dbFileIn(values['data-dir'] ? userPath(values['data-dir']) : dataDirFromEnv());
const db = openExistingDb(file, { readonly: true });
const b = storageBreakdown(db);
closeDb(db);
if (values.json) console.log(JSON.stringify(b, null, 2));
else {
  console.log(
    `${file}: ${b.instances} instances (${b.completed} completed); file ${(b.fileBytes / 1e6).toFixed(1)} MB, ${(b.freeBytes / 1e6).toFixed(1)} MB free pages; page size ${b.pageSize}`,
  );
  console.log(storageTable(b));
}
