import {
  chmodSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { hostname, userInfo } from 'node:os';
import { dirname, join, relative } from 'node:path';

import { chainAnchor } from '../audit/anchor.js';
import { appendAuditAlone } from '../audit/append.js';
import { ZArchiveManifest } from '../audit/archive-format.js';
import { auditHead, CHECKPOINT_FILE_NAME } from '../audit/checkpoints.js';
import { ATTACHMENTS_DIR_NAME, AUDIT_ARCHIVES_DIR_NAME, DB_FILE_NAME, dbFileIn } from '../data-dir.js';
import { closeDb } from '../db/client.js';
import { sha256Hex } from '../lib/crypto.js';
import { BACKUP_FORMAT, BACKUP_MANIFEST_NAME, type TBackupManifest } from './backup-manifest.js';
import { copyHashed, fsyncPath, hashFile, type TFileEntry } from './files.js';
import { openExistingDb } from './open-existing.js';

/** Files the first start keeps beside the database they seeded (demo or first-admin password). */
const KEPT_FILES = ['demo-password.txt', 'admin-password.txt'];

export type TBackupResult = { dir: string; manifest: TBackupManifest; bytes: number; ms: number; warnings: string[] };

const stampOf = (d: Date) =>
  d
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/:/g, '-');

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? listFiles(join(dir, e.name)) : e.isFile() ? [join(dir, e.name)] : [],
  );
}

/** The log up to its last complete line: a checkpoint being appended while we copy is left out, not cut in half. */
function copyCheckpointLog(from: string, to: string): TFileEntry['bytes'] {
  const text = readFileSync(from);
  const end = text.lastIndexOf(0x0a) + 1;
  writeFileSync(to, text.subarray(0, end), { flag: 'wx', mode: 0o600 });
  fsyncPath(to);
  return end;
}

/**
 * A consistent backup while the server runs and writes (ADR 0015), into `<outDir>/eduflow-backup-<time>/`:
 *  1. audit-checkpoints.log first, so none of its checkpoints is newer than the snapshot (verify of the
 *     restored chain would call that a cut tail);
 *  2. the database by `VACUUM INTO` — one read transaction, a snapshot the server's writes never block;
 *  3. attachments/ after it: files are stored before their row commits, so every file the snapshot names
 *     is already there (later uploads come along as unreferenced extras);
 *  4. the audit archives the snapshot's chain already starts after, and the kept first-start passwords;
 *  5. manifest.json with every file's size and SHA-256; the folder is renamed into place only when complete.
 * Then the backup is recorded in the live audit log (`ops.backup`).
 */
export async function backup(opts: {
  dataDir: string;
  /** The attachments folder when it is not the data folder's (EDUFLOW_ATTACHMENTS_DIR). */
  attachmentsDir?: string;
  outDir: string;
  appVersion?: string;
  now?: () => Date;
}): Promise<TBackupResult> {
  const started = performance.now();
  const now = opts.now ?? (() => new Date());
  const createdAt = now();
  const dbFile = dbFileIn(opts.dataDir);
  const source = openExistingDb(dbFile, { readonly: true });
  const name = `eduflow-backup-${stampOf(createdAt)}`;
  const dir = join(opts.outDir, name);
  const partial = `${dir}.partial`;
  if (existsSync(dir) || existsSync(partial)) throw new Error(`${dir} already exists`);
  mkdirSync(partial, { recursive: true, mode: 0o700 });
  const files: TFileEntry[] = [];
  const warnings: string[] = [];
  const add = async (absolute: string) =>
    files.push({ path: relative(partial, absolute).split('\\').join('/'), ...(await hashFile(absolute)) });

  try {
    const checkpointLog = join(opts.dataDir, CHECKPOINT_FILE_NAME);
    if (existsSync(checkpointLog)) {
      copyCheckpointLog(checkpointLog, join(partial, CHECKPOINT_FILE_NAME));
      await add(join(partial, CHECKPOINT_FILE_NAME));
    }

    const snapshotFile = join(partial, DB_FILE_NAME);
    source.$client.prepare('VACUUM INTO ?').run(snapshotFile);
    closeDb(source);
    chmodSync(snapshotFile, 0o600);
    fsyncPath(snapshotFile);
    await add(snapshotFile);

    const snapshot = openExistingDb(snapshotFile, { readonly: true });
    const head = await auditHead(snapshot);
    const anchorSeq = (await chainAnchor(snapshot)).seq;
    const migrations = (
      snapshot.$client.prepare('select count(*) as n from __drizzle_migrations').get() as { n: number }
    ).n;
    const attachmentRows = (snapshot.$client.prepare('select count(*) as n from attachments').get() as { n: number }).n;
    closeDb(snapshot);

    const attachmentsDir = opts.attachmentsDir ?? join(opts.dataDir, ATTACHMENTS_DIR_NAME);
    for (const file of listFiles(attachmentsDir)) {
      // `.part` files are uploads being written; they are renamed to their hash once whole.
      if (file.endsWith('.part')) continue;
      const target = join(partial, ATTACHMENTS_DIR_NAME, relative(attachmentsDir, file));
      mkdirSync(dirname(target), { recursive: true, mode: 0o700 });
      const copied = await copyHashed(file, target);
      files.push({ path: relative(partial, target).split('\\').join('/'), ...copied });
      const named = file.split(/[\\/]/).at(-1);
      if (named !== copied.sha256)
        warnings.push(
          `attachment ${relative(attachmentsDir, file)} does not hash to its name (its content changed on disk)`,
        );
    }

    const archivesDir = join(opts.dataDir, AUDIT_ARCHIVES_DIR_NAME);
    for (const file of listFiles(archivesDir).filter((f) => f.endsWith('.manifest.json'))) {
      const parsed = ZArchiveManifest.safeParse(JSON.parse(readFileSync(file, 'utf8')));
      // An archive the snapshot does not start after yet was made after it: its rows are still in the snapshot.
      if (!parsed.success || parsed.data.throughSeq > anchorSeq) continue;
      for (const part of [file, join(archivesDir, parsed.data.file)]) {
        const target = join(partial, AUDIT_ARCHIVES_DIR_NAME, relative(archivesDir, part));
        mkdirSync(dirname(target), { recursive: true, mode: 0o700 });
        files.push({ path: relative(partial, target).split('\\').join('/'), ...(await copyHashed(part, target)) });
      }
    }

    for (const kept of KEPT_FILES) {
      const from = join(opts.dataDir, kept);
      if (existsSync(from)) files.push({ path: kept, ...(await copyHashed(from, join(partial, kept))) });
    }

    const manifest: TBackupManifest = {
      format: BACKUP_FORMAT,
      version: 1,
      createdAt: createdAt.toISOString(),
      appVersion: opts.appVersion ?? '0.0.0',
      source: { dataDir: opts.dataDir, host: hostname() },
      database: {
        file: DB_FILE_NAME,
        migrations,
        auditHead: head,
        auditAnchorSeq: anchorSeq,
        attachments: attachmentRows,
      },
      files: files.sort((a, b) => a.path.localeCompare(b.path)),
    };
    const manifestText = `${JSON.stringify(manifest, null, 2)}\n`;
    writeFileSync(join(partial, BACKUP_MANIFEST_NAME), manifestText, { flag: 'wx', mode: 0o600 });
    fsyncPath(join(partial, BACKUP_MANIFEST_NAME));
    fsyncPath(partial);
    renameSync(partial, dir);
    fsyncPath(opts.outDir);

    const bytes = files.reduce((sum, f) => sum + f.bytes, 0) + statSync(join(dir, BACKUP_MANIFEST_NAME)).size;
    const live = openExistingDb(dbFile);
    try {
      await appendAuditAlone(live, {
        at: now().toISOString(),
        actor: null,
        action: 'ops.backup',
        entityType: 'Backup',
        entityId: name,
        outcome: 'success',
        meta: {
          dir,
          manifestSha256: sha256Hex(manifestText),
          files: files.length,
          bytes,
          auditHead: head,
          osUser: userInfo().username,
        },
      });
    } finally {
      closeDb(live);
    }
    return { dir, manifest, bytes, ms: performance.now() - started, warnings };
  } catch (err) {
    closeDb(source);
    rmSync(partial, { recursive: true, force: true });
    throw err;
  }
}
