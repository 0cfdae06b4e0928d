/**
 * npm run audit:verify-archive -- <archive.jsonl.gz> [more archives…] [--data-dir <dir>] [--db <file>] [--no-db]
 *
 * Checks audit archive files on their own and — unless --no-db, or when the data folder has no database —
 * that they link into the live chain of EDUFLOW_DATA_DIR (default ./data). Exit code 0 when every file
 * verifies, 1 otherwise.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

import { CHECKPOINT_FILE_NAME } from '../audit/checkpoints.js';
import { verifyArchiveFiles } from '../audit/verify-archive.js';
import { dataDirFromEnv, dbFileIn } from '../data-dir.js';
import { closeDb } from '../db/client.js';
import { openExistingDb } from './open-existing.js';
import { userPath } from './user-path.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { 'data-dir': { type: 'string' }, db: { type: 'string' }, 'no-db': { type: 'boolean', default: false } },
});
if (positionals.length === 0) {
  console.error(
    'usage: npm run audit:verify-archive -- <archive.jsonl.gz> [more…] [--data-dir <dir>] [--db <file>] [--no-db]',
  );
  process.exit(2);
}
const dataDir = values['data-dir'] ? userPath(values['data-dir']) : dataDirFromEnv();
const dbFile = values.db ? userPath(values.db) : dbFileIn(dataDir);
const db = !values['no-db'] && existsSync(dbFile) ? openExistingDb(dbFile, { readonly: true }) : undefined;
const checkpointFile = join(dataDir, CHECKPOINT_FILE_NAME);
const results = await verifyArchiveFiles(positionals.map(userPath), {
  db,
  checkpointFile: db && existsSync(checkpointFile) ? checkpointFile : undefined,
});
if (db) closeDb(db);

console.log(db ? `live chain: ${dbFile}` : 'live chain: not checked (no database given)');
for (const r of results) {
  console.log(`\n${r.ok ? 'OK  ' : 'FAIL'} ${r.file}`);
  console.log(
    `     events ${r.fromSeq ?? '?'}–${r.throughSeq ?? '?'} (${r.count}), sha256 ${r.sha256}, ${r.bytes} bytes`,
  );
  console.log(
    `     manifest: ${r.manifest}; recorded in: ${r.recorded}; linked before: ${r.previous}; linked after: ${r.next}; checkpoints held: ${r.checkpointsChecked}`,
  );
  for (const p of r.problems) console.log(`     - ${p['zh-CN']} / ${p.en}`);
}
process.exit(results.every((r) => r.ok) ? 0 : 1);
