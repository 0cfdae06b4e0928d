/**
 * npm run restore -- <backup folder> [--force]
 *
 * Restores a backup made by `npm run backup` into the data folder (EDUFLOW_DATA_DIR, default ./data):
 * refuses a folder a server is using, and a non-empty one unless --force (which moves it aside). Checks
 * every SHA-256 of the manifest, migrates, verifies the audit chain and every attachment, then prints a
 * summary. Exit code 0 when restored, 1 when refused. See README → Operations.
 */
import { parseArgs } from 'node:util';

import { dataDirFromEnv } from '../data-dir.js';
import { restore, RestoreRefused } from './restore.js';
import { userPath } from './user-path.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { force: { type: 'boolean', default: false } },
});
if (positionals.length !== 1) {
  console.error('usage: npm run restore -- <backup folder> [--force]');
  process.exit(2);
}
if (process.env.EDUFLOW_DATABASE_URL) {
  // A backup holds a SQLite file; a PostgreSQL deployment restores with pg_restore (README → Deploying for a city).
  console.error(
    'restore refused: EDUFLOW_DATABASE_URL is set (PostgreSQL). Restore the database with pg_restore and the shared attachments with their storage’s tools; npm run restore restores a SQLite data folder.',
  );
  process.exit(1);
}
if (process.env.EDUFLOW_ATTACHMENTS_DIR) {
  // The nodes' shared attachments folder is not the data folder's to replace: its own storage restores it.
  console.error(
    'restore refused: EDUFLOW_ATTACHMENTS_DIR is set (attachments on a shared store). Restore that folder with its storage’s tools, or unset it to restore into the data folder.',
  );
  process.exit(1);
}
const backupDir = userPath(positionals[0]!);
const dataDir = dataDirFromEnv();
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

try {
  const r = await restore({ backupDir, dataDir, force: values.force });
  const c = r.chain;
  console.log(`restored ${r.backup} (taken ${r.manifest.createdAt} on ${r.manifest.source.host}) into ${r.dataDir}`);
  console.log(`  manifest: ${r.files} files, ${mb(r.bytes)}, every SHA-256 matches`);
  console.log(
    `  database: ${r.migrations.after - r.migrations.before === 0 ? 'schema up to date' : `${r.migrations.after - r.migrations.before} migration(s) applied`} (${r.migrations.after} in all)`,
  );
  console.log(
    `  audit chain: verified, ${c.count} events${c.anchor ? ` from event ${c.anchor.seq + 1} (earlier ones archived)` : ' from the first'}` +
      `${c.checkpoints ? `, held to ${c.checkpoints.count} checkpoint${c.checkpoints.count === 1 ? '' : 's'}` : ''}; the restore is recorded as ops.restore`,
  );
  console.log(
    `  attachments: ${r.attachments.referenced} referenced, ${r.attachments.files} distinct files present with the right SHA-256`,
  );
  if (r.archives.length) console.log(`  audit archives: ${r.archives.length} verified and linked`);
  if (r.movedAside) console.log(`  the previous contents of ${r.dataDir} were moved to ${r.movedAside}`);
  console.log('  start the server on it: npm start');
} catch (err) {
  console.error(`restore refused: ${err instanceof Error ? err.message : String(err)}`);
  if (!(err instanceof RestoreRefused)) console.error(err);
  console.error(`nothing was changed in ${dataDir}`);
  process.exit(1);
}
