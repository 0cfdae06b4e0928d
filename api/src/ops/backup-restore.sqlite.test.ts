import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { apiSession, runCommand, type ServerProcess, startServerProcess } from '../test/server-process.js';
import { BACKUP_MANIFEST_NAME, ZBackupManifest } from './backup-manifest.js';

// The smallest valid PNG (1×1): a school's photo evidence.
const PNG = Uint8Array.from(
  atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='),
  (c) => c.charCodeAt(0),
);

type Instance = { id: string; version: number; data: Record<string, unknown> };

const root = mkdtempSync(join(tmpdir(), 'eduflow-ops-'));
const live = join(root, 'live');
const backups = join(root, 'backups');
const servers: ServerProcess[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  rmSync(root, { recursive: true, force: true });
});

const backupCmd = (dataDir: string) => runCommand('backup', ['--out', backups], { EDUFLOW_DATA_DIR: dataDir });
const restoreCmd = (backup: string, dataDir: string, force = false) =>
  runCommand('restore', [backup, ...(force ? ['--force'] : [])], { EDUFLOW_DATA_DIR: dataDir });

let server: ServerProcess;
let principal: Awaited<ReturnType<typeof apiSession>>;
let instance: Instance;
let attachment: { id: string; sha256: string };
let versionBeforeBackup = 0;
let backupDir = '';
let writesDuringBackup = 0;
let versionAfterBackup = 0;

/** One SAVE on the self-check (a real write: snapshot, version, audit event); returns the new version. */
async function save(notes: string): Promise<number> {
  const r = await principal.json<{ version: number }>('POST', `/instances/${instance.id}/events`, {
    type: 'SAVE',
    data: { selfCheckNotes: notes },
    expectedVersion: instance.version,
  });
  instance.version = r.version;
  return r.version;
}

beforeAll(async () => {
  // Checkpoints every ~1 s: the backup must never carry a checkpoint newer than its database snapshot.
  server = await startServerProcess(live, { EDUFLOW_AUDIT_CHECKPOINT_MINUTES: '0.02' });
  servers.push(server);
  principal = await apiSession(server.url, 'principal1');
  const mine = await principal.json<{ items: Instance[] }>(
    'GET',
    '/instances?definitionKey=security-inspection&state=selfCheck',
  );
  const first = mine.items[0];
  if (!first) throw new Error('the demo gives principal1 a self-check');
  instance = await principal.json<Instance>('GET', `/instances/${first.id}`);

  const form = new FormData();
  form.set('file', new File([PNG], '机房照片.png', { type: 'image/png' }));
  form.set('instanceId', instance.id);
  const uploaded = await principal.request('POST', '/attachments', form);
  expect(uploaded.status).toBe(201);
  attachment = (await uploaded.json()) as { id: string; sha256: string };
  versionBeforeBackup = await save('备份前写入');

  // The backup runs as `npm run backup` does while the principal keeps saving, one write after another.
  let running = true;
  const command = backupCmd(live).finally(() => (running = false));
  const writer = (async () => {
    while (running) {
      await save(`备份期间写入 ${writesDuringBackup + 1}`);
      writesDuringBackup += 1;
    }
  })();
  const [result] = await Promise.all([command, writer]);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  backupDir = /backup written: (.+)/.exec(result.stdout)?.[1] ?? '';
  versionAfterBackup = await save('备份后写入');
}, 150_000);

describe('npm run backup while the server writes, npm run restore into a new folder', () => {
  it('wrote a timestamped folder with the database, attachments, checkpoints and a manifest of SHA-256s; writes never stalled', () => {
    expect(writesDuringBackup).toBeGreaterThan(0);
    expect(backupDir).toMatch(/eduflow-backup-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z$/);
    const manifest = ZBackupManifest.parse(JSON.parse(readFileSync(join(backupDir, BACKUP_MANIFEST_NAME), 'utf8')));
    const paths = manifest.files.map((f) => f.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'eduflow.db',
        'audit-checkpoints.log',
        `attachments/${attachment.sha256.slice(0, 2)}/${attachment.sha256}`,
      ]),
    );
    expect(manifest.database.auditHead?.seq).toBeGreaterThan(0);
    expect(readdirSync(backups)).toEqual([backupDir.split('/').at(-1)]);
  });

  it('is recorded in the live audit log', async () => {
    const auditor = await apiSession(server.url, 'auditor');
    const events = await auditor.json<{ items: Array<{ entityId: string; meta: { manifestSha256: string } }> }>(
      'GET',
      '/audit?action=ops.backup',
    );
    expect(events.items).toEqual([expect.objectContaining({ entityId: backupDir.split('/').at(-1) })]);
  });

  it('restores into an empty folder, and a server on it has the data, the files and an intact audit chain', async () => {
    const restored = join(root, 'restored');
    const result = await restoreCmd(backupDir, restored);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('every SHA-256 matches');
    expect(result.stdout).toMatch(/audit chain: verified, \d+ events from the first, held to \d+ checkpoints?/);
    expect(result.stdout).toMatch(/attachments: \d+ referenced, \d+ distinct files present with the right SHA-256/);

    const second = await startServerProcess(restored);
    servers.push(second);
    const auditor = await apiSession(second.url, 'auditor');
    const verified = await auditor.json<{ ok: boolean; mode: string; checkpoints: { count: number } | null }>(
      'GET',
      '/audit/verify?full=1',
    );
    expect(verified).toMatchObject({ ok: true, mode: 'full' });
    expect(verified.checkpoints?.count).toBeGreaterThan(0);
    const restoreEvents = await auditor.json<{ items: Array<{ action: string }> }>('GET', '/audit?action=ops.restore');
    expect(restoreEvents.items).toHaveLength(1);

    const p = await apiSession(second.url, 'principal1');
    const file = await p.request('GET', `/attachments/${attachment.id}`);
    expect(file.status).toBe(200);
    expect(Buffer.from(await file.arrayBuffer()).equals(Buffer.from(PNG))).toBe(true);
    const back = await p.json<Instance>('GET', `/instances/${instance.id}`);
    // Everything written before the backup began is there; what came after it is not.
    expect(back.version).toBeGreaterThanOrEqual(versionBeforeBackup);
    expect(back.version).toBeLessThan(versionAfterBackup);
    await second.stop();
  });

  it('refuses a data folder a server is using, even with --force, and a non-empty one without it', async () => {
    const inUse = await restoreCmd(backupDir, live, true);
    expect(inUse.code).toBe(1);
    expect(inUse.stderr).toContain('is in use');
    const restored = join(root, 'restored');
    const notEmpty = await restoreCmd(backupDir, restored);
    expect(notEmpty.code).toBe(1);
    expect(notEmpty.stderr).toContain('is not empty');
    const forced = await restoreCmd(backupDir, restored, true);
    expect(forced.code).toBe(0);
    expect(forced.stdout).toContain('were moved to');
  });

  it.each([
    [
      'an attachment',
      (dir: string) =>
        readdirSync(join(dir, 'attachments'), { recursive: true, withFileTypes: true }).find((e) => e.isFile()),
    ],
    ['the database', () => ({ name: 'eduflow.db', parentPath: '' })],
  ])('refuses a backup with one changed byte in %s, and leaves the target alone', async (_label, pick) => {
    const copy = join(root, `tampered-${Math.random().toString(36).slice(2)}`);
    cpSync(backupDir, copy, { recursive: true });
    const entry = pick(copy);
    if (!entry) throw new Error('nothing to tamper with');
    const path = entry.parentPath ? join(entry.parentPath, entry.name) : join(copy, entry.name);
    const bytes = readFileSync(path);
    bytes[Math.floor(bytes.length / 2)] ^= 0x01;
    writeFileSync(path, bytes);
    const target = join(root, `target-${Math.random().toString(36).slice(2)}`);
    const result = await restoreCmd(copy, target);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('does not match the manifest');
    expect(existsSync(target)).toBe(false);
  });
});
