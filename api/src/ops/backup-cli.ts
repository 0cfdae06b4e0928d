/**
 * npm run backup [-- --out <dir>]
 *
 * A consistent backup of the data folder (EDUFLOW_DATA_DIR, default ./data — the server's own setting)
 * while the server runs: database snapshot, attachments, audit checkpoints and archives, manifest with
 * SHA-256s, into <dir>/eduflow-backup-<time>/ (default ./backups). See README → Operations.
 */
import { parseArgs } from 'node:util';

import { appVersion } from '../app-version.js';
import { attachmentsDirFromEnv, dataDirFromEnv } from '../data-dir.js';
import { backup } from './backup.js';
import { userPath } from './user-path.js';

const { values } = parseArgs({ options: { out: { type: 'string' } } });
if (process.env.EDUFLOW_DATABASE_URL) {
  // The snapshot below is SQLite's (VACUUM INTO); PostgreSQL has its own tools (README → Deploying for a city).
  console.error(
    'backup refused: EDUFLOW_DATABASE_URL is set (PostgreSQL). Back the database up with pg_dump (or your continuous archiving), and the shared attachments folder with its storage’s tools; npm run backup backs up a SQLite data folder.',
  );
  process.exit(1);
}
const dataDir = dataDirFromEnv();
const outDir = userPath(values.out ?? process.env.EDUFLOW_BACKUP_DIR ?? 'backups');
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

try {
  const r = await backup({
    dataDir,
    attachmentsDir: attachmentsDirFromEnv(dataDir),
    outDir,
    appVersion: appVersion(import.meta.url),
  });
  const attachments = r.manifest.files.filter((f) => f.path.startsWith('attachments/')).length;
  const archives = r.manifest.files.filter((f) => f.path.endsWith('.jsonl.gz')).length;
  const head = r.manifest.database.auditHead;
  console.log(`backup written: ${r.dir}`);
  console.log(`  from ${dataDir} in ${(r.ms / 1000).toFixed(1)} s, ${r.manifest.files.length} files, ${mb(r.bytes)}`);
  console.log(
    `  database snapshot: ${r.manifest.database.migrations} migrations, audit head #${head?.seq ?? 0}, ${r.manifest.database.attachments} attachment records`,
  );
  console.log(
    `  attachments: ${attachments} files · audit archives: ${archives} · manifest: ${r.dir}/manifest.json (SHA-256 of every file)`,
  );
  for (const w of r.warnings) console.warn(`  warning: ${w}`);
  console.log('  restore with: npm run restore -- <this folder>');
} catch (err) {
  console.error(`backup failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}
