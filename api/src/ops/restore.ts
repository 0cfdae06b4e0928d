import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync } from 'node:fs';
import { userInfo } from 'node:os';
import { basename, dirname, join } from 'node:path';

import { appendAuditAlone } from '../audit/append.js';
import { CHECKPOINT_FILE_NAME } from '../audit/checkpoints.js';
import { writeVerifiedPosition } from '../audit/verified-position.js';
import { type TVerifyResult, verifyAuditChain } from '../audit/verify.js';
import { type TArchiveFileCheck, verifyArchiveFiles } from '../audit/verify-archive.js';
import { ATTACHMENTS_DIR_NAME, AUDIT_ARCHIVES_DIR_NAME, AUDIT_VERIFIED_FILE_NAME, DB_FILE_NAME } from '../data-dir.js';
import { closeDb, openDb } from '../db/client.js';
import { migrate } from '../db/migrate.js';
import { sha256Hex } from '../lib/crypto.js';
import { BACKUP_MANIFEST_NAME, type TBackupManifest, ZBackupManifest } from './backup-manifest.js';
import { databaseInUse } from './db-in-use.js';
import { copyHashed, fsyncPath, hashFile } from './files.js';

/** A refusal the operator can act on; nothing in the data folder was touched. */
export class RestoreRefused extends Error {}

export type TRestoreReport = {
  backup: string;
  manifest: TBackupManifest;
  dataDir: string;
  files: number;
  bytes: number;
  migrations: { before: number; after: number };
  chain: Extract<TVerifyResult, { ok: true }>;
  attachments: { referenced: number; files: number };
  archives: TArchiveFileCheck[];
  movedAside: string | null;
};

function listFiles(dir: string, base = dir): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    return e.isDirectory()
      ? listFiles(path, base)
      : [
          path
            .slice(base.length + 1)
            .split('\\')
            .join('/'),
        ];
  });
}

/** Every listed file present with its size and SHA-256, and nothing unlisted beside them. */
async function checkBackupFiles(backupDir: string, manifest: TBackupManifest): Promise<void> {
  const listed = new Set(manifest.files.map((f) => f.path));
  const extra = listFiles(backupDir).filter((p) => p !== BACKUP_MANIFEST_NAME && !listed.has(p));
  if (extra.length > 0)
    throw new RestoreRefused(`the backup holds files its manifest does not list: ${extra.slice(0, 5).join(', ')}`);
  for (const f of manifest.files) {
    if (f.path.split('/').includes('..'))
      throw new RestoreRefused(`the manifest names a path outside the backup: ${f.path}`);
    const path = join(backupDir, f.path);
    if (!existsSync(path)) throw new RestoreRefused(`${f.path} is missing from the backup`);
    const actual = await hashFile(path);
    if (actual.sha256 !== f.sha256 || actual.bytes !== f.bytes) {
      throw new RestoreRefused(
        `${f.path} does not match the manifest (SHA-256 ${actual.sha256}, expected ${f.sha256}): the backup was altered or damaged`,
      );
    }
  }
  if (!listed.has(manifest.database.file))
    throw new RestoreRefused(`the manifest does not list the database ${manifest.database.file}`);
}

/** Every attachment the database names is on disk under its hash, with that content. */
async function checkAttachments(
  dir: string,
  rows: Array<{ id: string; sha256: string; storage_path: string; size: number }>,
): Promise<number> {
  const seen = new Map<string, string>();
  for (const row of rows) {
    const path = join(dir, ATTACHMENTS_DIR_NAME, row.storage_path);
    let hash = seen.get(path);
    if (hash === undefined) {
      if (!existsSync(path)) throw new RestoreRefused(`attachment ${row.id} (${row.storage_path}) is missing`);
      hash = (await hashFile(path)).sha256;
      seen.set(path, hash);
    }
    if (hash !== row.sha256)
      throw new RestoreRefused(
        `attachment ${row.id} (${row.storage_path}) has another content than the database records`,
      );
  }
  return seen.size;
}

/**
 * Restores a backup folder into `dataDir` (ADR 0015): checks the manifest's hashes, copies into a staging
 * folder beside the target, migrates the database to this code's schema, verifies the audit chain in full
 * against the restored checkpoints, every referenced attachment and every archive, records the restore in
 * the audit log, then moves the staging folder into place. A data folder in use is never touched; a
 * non-empty one only with `force`, and then it is moved aside, not deleted.
 */
export async function restore(opts: {
  backupDir: string;
  dataDir: string;
  force?: boolean;
  now?: () => Date;
}): Promise<TRestoreReport> {
  const now = opts.now ?? (() => new Date());
  const manifestFile = join(opts.backupDir, BACKUP_MANIFEST_NAME);
  if (!existsSync(manifestFile))
    throw new RestoreRefused(`${opts.backupDir} has no ${BACKUP_MANIFEST_NAME}: not an EduFlow backup`);
  let json: unknown = null;
  try {
    json = JSON.parse(readFileSync(manifestFile, 'utf8'));
  } catch {
    // reported below as not a manifest
  }
  const parsed = ZBackupManifest.safeParse(json);
  if (!parsed.success) throw new RestoreRefused(`${manifestFile} is not a backup manifest this version reads`);
  const manifest = parsed.data;
  await checkBackupFiles(opts.backupDir, manifest);

  const occupied = existsSync(opts.dataDir) && readdirSync(opts.dataDir).length > 0;
  if (occupied && databaseInUse(join(opts.dataDir, DB_FILE_NAME))) {
    throw new RestoreRefused(`${opts.dataDir} is in use (a server has its database open): stop it first`);
  }
  if (occupied && !opts.force)
    throw new RestoreRefused(
      `${opts.dataDir} is not empty: restore into an empty folder, or pass --force to move its contents aside`,
    );

  const stamp = now()
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/:/g, '-');
  const staging = join(dirname(opts.dataDir), `.${basename(opts.dataDir)}.restoring-${stamp}`);
  mkdirSync(staging, { recursive: true, mode: 0o700 });
  try {
    for (const f of manifest.files) {
      const target = join(staging, f.path);
      mkdirSync(dirname(target), { recursive: true, mode: 0o700 });
      const copied = await copyHashed(join(opts.backupDir, f.path), target);
      if (copied.sha256 !== f.sha256) throw new RestoreRefused(`${f.path} changed while it was being copied`);
    }

    const db = openDb(join(staging, DB_FILE_NAME));
    let report: Omit<TRestoreReport, 'movedAside'>;
    try {
      const migrationsOf = () =>
        (db.$client.prepare('select count(*) as n from __drizzle_migrations').get() as { n: number }).n;
      const before = migrationsOf();
      migrate(db);
      const after = migrationsOf();
      const checkpointFile = join(staging, CHECKPOINT_FILE_NAME);
      const chain = await verifyAuditChain(db, {
        checkpointFile: existsSync(checkpointFile) ? checkpointFile : undefined,
        full: true,
      });
      if (!chain.ok)
        throw new RestoreRefused(
          `the audit chain of the backup does not verify: ${chain.reason} (event ${chain.brokenAt})`,
        );
      const rows = db.$client.prepare('select id, sha256, storage_path, size from attachments').all() as Array<{
        id: string;
        sha256: string;
        storage_path: string;
        size: number;
      }>;
      const attachmentFiles = await checkAttachments(staging, rows);
      const archiveDir = join(staging, AUDIT_ARCHIVES_DIR_NAME);
      const archiveFiles = listFiles(archiveDir)
        .filter((p) => p.endsWith('.jsonl.gz'))
        .map((p) => join(archiveDir, p));
      const archives = await verifyArchiveFiles(archiveFiles, {
        db,
        checkpointFile: existsSync(checkpointFile) ? checkpointFile : undefined,
      });
      const badArchive = archives.find((a) => !a.ok);
      if (badArchive)
        throw new RestoreRefused(
          `audit archive ${badArchive.file} does not verify: ${badArchive.problems.map((p) => p.en).join('; ')}`,
        );

      const at = now().toISOString();
      await appendAuditAlone(db, {
        at,
        actor: null,
        action: 'ops.restore',
        entityType: 'Backup',
        entityId: basename(opts.backupDir),
        outcome: 'success',
        meta: {
          backupCreatedAt: manifest.createdAt,
          manifestSha256: sha256Hex(readFileSync(manifestFile, 'utf8')),
          dataDir: opts.dataDir,
          migrationsApplied: after - before,
          chain: { count: chain.count, lastHash: chain.lastHash },
          osUser: userInfo().username,
        },
      });
      // The chain was just walked in full: the server's first verify starts from here, not from the anchor.
      writeVerifiedPosition(join(staging, AUDIT_VERIFIED_FILE_NAME), {
        seq: chain.anchor ? chain.anchor.seq + chain.count : chain.count,
        hash: chain.lastHash,
        at,
        fullAt: at,
      });
      report = {
        backup: basename(opts.backupDir),
        manifest,
        dataDir: opts.dataDir,
        files: manifest.files.length,
        bytes: manifest.files.reduce((s, f) => s + f.bytes, 0),
        migrations: { before, after },
        chain,
        attachments: { referenced: rows.length, files: attachmentFiles },
        archives,
      };
    } finally {
      // Closing checkpoints the WAL into the database file: the folder moves as a whole.
      closeDb(db);
    }

    let movedAside: string | null = null;
    if (occupied) {
      movedAside = `${opts.dataDir}.before-restore-${stamp}`;
      renameSync(opts.dataDir, movedAside);
    } else if (existsSync(opts.dataDir)) {
      rmdirSync(opts.dataDir);
    }
    renameSync(staging, opts.dataDir);
    fsyncPath(dirname(opts.dataDir));
    return { ...report, movedAside };
  } catch (err) {
    rmSync(staging, { recursive: true, force: true });
    throw err;
  }
}
