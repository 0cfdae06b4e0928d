import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';

import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';

import { ARCHIVE_ACTION, ARCHIVE_ENTITY_ID, ARCHIVE_ENTITY_TYPE } from '../../audit/anchor.js';
import { hashesAt } from '../../audit/anchor.js';
import { appendAudit } from '../../audit/append.js';
import { writeCheckpoint } from '../../audit/checkpoints.js';
import { cutoffInstant, latestCutoffDate } from '../../audit/retention.js';
import { verifyAuditChain } from '../../audit/verify.js';
import { verifyArchiveFiles } from '../../audit/verify-archive.js';
import { writeArchiveFile } from '../../audit/write-archive.js';
import { AUDIT_ARCHIVES_DIR_NAME } from '../../data-dir.js';
import { tx } from '../../db/client.js';
import { appendTestEvent, withoutTriggers } from '../../test/audit-tamper.js';
import { type Harness, makeHarness, type Session } from '../../test/harness.js';

const DAY = 86_400_000;
const open: Harness[] = [];
afterEach(async () => {
  for (const h of open.splice(0)) await h.close();
});

const districtDay = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);
const seqs = async (h: Harness) =>
  (await h.sql(sql`select min(seq) as lo, max(seq) as hi, count(*) as n from audit_events`))[0] as {
    lo: number;
    hi: number;
    n: number;
  };

/**
 * A log that began 400 days ago (by the real clock too: the database's retention trigger reads SQLite's
 * 'now'): setup events, then one event a day for 60 days, then today's events.
 */
async function oldLog() {
  const start = Date.now() - 400 * DAY;
  const h = await makeHarness({ clockStart: new Date(start).toISOString() });
  open.push(h);
  // The harness's own setup events (accounts, grants, authenticators) come first: S of them.
  const S = (await seqs(h)).n;
  for (let d = 1; d <= 60; d++) {
    h.clock.set(new Date(start + d * DAY).toISOString());
    await appendTestEvent(h, String(d));
  }
  h.clock.set(new Date().toISOString());
  const auditor = await h.signIn('auditor');
  return { h, auditor, start, S, before: (days: number) => districtDay(start + days * DAY) };
}

const archive = (h: Harness, s: Session, before: string) => h.post('/api/audit/archive', { before }, s);
const archiveDir = (h: Harness) => join(h.dir, AUDIT_ARCHIVES_DIR_NAME);
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const auditedArchives = async (h: Harness) =>
  (await h.sql(sql`select outcome, meta from audit_events where action = 'audit.archive' order by seq`)) as Array<{
    outcome: string;
    meta: string;
  }>;

describe('audit archive (等保 2.0 retention ≥ 180 days)', () => {
  it('is the auditor’s alone: everyone else gets 403, and the refusal is audited', async () => {
    const { h } = await oldLog();
    for (const who of ['admin', 'reviewer1', 'principalA']) {
      const s = await h.signIn(who);
      expect((await h.get('/api/audit/archive/preview', s)).status).toBe(403);
      expect((await archive(h, s, '2020-01-01')).status).toBe(403);
      expect((await h.get('/api/audit/archives', s)).status).toBe(403);
    }
    const [denied] = await h.sql(
      sql`select count(*) as n from audit_events where action = 'audit.archive' and outcome = 'denied'`,
    );
    expect(denied?.n).toBe(3);
    expect((await seqs(h)).lo).toBe(1);
  });

  it('previews what a cut-off would move, defaulting to the latest day allowed', async () => {
    const { h, auditor, before, S } = await oldLog();
    const preview = await (await h.get('/api/audit/archive/preview', auditor)).json();
    expect(preview).toMatchObject({
      before: latestCutoffDate(new Date()),
      latestBefore: latestCutoffDate(new Date()),
      retentionDays: 180,
      allowed: true,
      fromSeq: 1,
    });
    // Everything but today's events (sign-ins) is older than 180 days.
    expect(preview.count).toBe(S + 60);
    // A back-dated event after today's (a seed, an import) is not part of the run the archive would take.
    await tx(h.db, () =>
      appendAudit(h.db, {
        at: new Date(Date.now() - 300 * DAY).toISOString(),
        actor: null,
        action: 'test.event',
        entityType: 'Test',
        entityId: 'late',
        outcome: 'success',
      }),
    );
    expect((await (await h.get('/api/audit/archive/preview', auditor)).json()).count).toBe(S + 60);
    const partial = await (await h.get(`/api/audit/archive/preview?before=${before(31)}`, auditor)).json();
    // Setup (S) and days 1–30 (30) lie before the start of day 31 in Beijing.
    expect(partial).toMatchObject({ count: S + 30, fromSeq: 1, throughSeq: S + 30 });
  });

  it('refuses a cut-off within 180 days (422, audited) and removes nothing', async () => {
    const { h, auditor } = await oldLog();
    const tooRecent = districtDay(Date.now() - 170 * DAY);
    const res = await archive(h, auditor, tooRecent);
    expect(res.status).toBe(422);
    expect((await res.json()).error).toMatchObject({
      code: 'AUDIT_RETENTION',
      message: { 'zh-CN': expect.stringContaining('180 天') },
    });
    expect((await auditedArchives(h)).map((a) => a.outcome)).toEqual(['denied']);
    expect((await seqs(h)).lo).toBe(1);
    expect(existsSync(archiveDir(h))).toBe(false);
  });

  it('archives to a file with its manifest, records the archive as the new anchor, and verify still passes', async () => {
    const { h, auditor, before, S } = await oldLog();
    // A checkpoint taken before archiving names a row that leaves the table: it must not fail verify later.
    await writeCheckpoint(h.deps, h.deps.auditCheckpointFile ?? '');
    h.clock.advance(1000);
    expect(await (await h.get('/api/audit/verify', auditor)).json()).toMatchObject({ ok: true, mode: 'full' });
    const headBefore = (await seqs(h)).hi;

    const res = await archive(h, auditor, before(31));
    expect(res.status).toBe(201);
    const manifest = await res.json();
    expect(manifest).toMatchObject({
      fromSeq: 1,
      throughSeq: S + 30,
      count: S + 30,
      file: `audit-archive-1-${S + 30}.jsonl.gz`,
      firstKeptSeq: S + 31,
    });
    expect(manifest.firstKeptPrevHash).toBe(manifest.lastHash);
    const bytes = readFileSync(join(archiveDir(h), manifest.file));
    expect(sha256(bytes)).toBe(manifest.sha256);
    expect(JSON.parse(readFileSync(join(archiveDir(h), `audit-archive-1-${S + 30}.manifest.json`), 'utf8'))).toEqual(
      manifest,
    );

    const lines = gunzipSync(bytes)
      .toString('utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(S + 32);
    expect(lines[0]).toMatchObject({ kind: 'header', fromSeq: 1, firstPrevHash: '0'.repeat(64) });
    expect(lines[S + 31]).toMatchObject({ kind: 'link', throughSeq: S + 30, lastHash: manifest.lastHash });

    // The rows are gone, the archive event is the newest one, nothing else moved.
    expect(await seqs(h)).toMatchObject({ lo: S + 31, hi: headBefore + 1 });
    const recorded = await auditedArchives(h);
    expect(recorded.map((r) => r.outcome)).toEqual(['success']);
    expect(JSON.parse(recorded[0]!.meta)).toMatchObject({
      sha256: manifest.sha256,
      throughSeq: S + 30,
      lastHash: manifest.lastHash,
    });

    const incremental = await (await h.get('/api/audit/verify', auditor)).json();
    expect(incremental).toMatchObject({
      ok: true,
      anchor: { seq: S + 30, hash: manifest.lastHash, archiveId: manifest.archiveId },
      count: headBefore + 1 - (S + 30),
    });
    expect(await (await h.get('/api/audit/verify?full=1', auditor)).json()).toMatchObject({
      ok: true,
      mode: 'full',
      checked: headBefore + 1 - (S + 30),
    });
    expect(await verifyAuditChain(h.db, { checkpointFile: h.deps.auditCheckpointFile })).toMatchObject({ ok: true });

    const [check] = await verifyArchiveFiles([join(archiveDir(h), manifest.file)], {
      db: h.db,
      checkpointFile: h.deps.auditCheckpointFile,
    });
    expect(check).toMatchObject({
      ok: true,
      count: S + 30,
      manifest: 'ok',
      recorded: 'live',
      previous: 'genesis',
      next: 'live',
      checkpointsChecked: 0,
    });

    const list = await (await h.get('/api/audit/archives', auditor)).json();
    expect(list.items).toEqual([
      expect.objectContaining({ archiveId: manifest.archiveId, recordedSeq: headBefore + 1 }),
    ]);
    const download = await h.get(`/api/audit/archives/${manifest.archiveId}`, auditor);
    expect(download.status).toBe(200);
    expect(sha256(Buffer.from(await download.arrayBuffer()))).toBe(manifest.sha256);
    expect(
      JSON.parse(await (await h.get(`/api/audit/archives/${manifest.archiveId}?part=manifest`, auditor)).text()),
    ).toEqual(manifest);
    expect(await h.sql(sql`select count(*) as n from audit_events where action = 'audit.archive.export'`)).toEqual([
      { n: 2 },
    ]);
  });

  it('a checkpoint inside an archive is held to the archive file', async () => {
    const { h, auditor, before } = await oldLog();
    const file = h.deps.auditCheckpointFile ?? '';
    writeFileSync(
      file,
      `${JSON.stringify({ seq: 40, hash: (await hashesAt(h.db, 40))?.hash, at: new Date().toISOString() })}\n`,
    );
    const manifest = await (await archive(h, auditor, before(31))).json();
    const [ok] = await verifyArchiveFiles([join(archiveDir(h), manifest.file)], { db: h.db, checkpointFile: file });
    expect(ok).toMatchObject({ ok: true, checkpointsChecked: 1 });
    writeFileSync(file, `${JSON.stringify({ seq: 40, hash: 'b'.repeat(64), at: new Date().toISOString() })}\n`);
    const [bad] = await verifyArchiveFiles([join(archiveDir(h), manifest.file)], { db: h.db, checkpointFile: file });
    expect(bad?.ok).toBe(false);
    expect(bad?.problems.map((p) => p.en)).toContain('event 40 does not match its checkpoint');
  });

  it('a tampered archive is refused by the verifier: an edited event, a file that differs from its recorded SHA-256', async () => {
    const { h, auditor, before } = await oldLog();
    const manifest = await (await archive(h, auditor, before(31))).json();
    const path = join(archiveDir(h), manifest.file);
    const lines = gunzipSync(readFileSync(path)).toString('utf8').split('\n');
    // Line 41 is event 41, one of the daily test events.
    lines[41] = lines[41]!.replace('"test.event"', '"test.evenT"');
    writeFileSync(path, gzipSync(lines.join('\n')));
    const [check] = await verifyArchiveFiles([path], { db: h.db });
    expect(check?.ok).toBe(false);
    expect(check?.problems.map((p) => p.en)).toEqual(
      expect.arrayContaining([
        expect.stringContaining('content does not match its hash'),
        'the file differs from the archive recorded in the chain (SHA-256 or range)',
        'the manifest does not match the file',
      ]),
    );
  });

  it('archives follow one another: the second starts at the first one’s anchor and both files verify together', async () => {
    const { h, auditor, before, S } = await oldLog();
    const first = await (await archive(h, auditor, before(11))).json();
    expect(first).toMatchObject({ fromSeq: 1, throughSeq: S + 10 });
    const second = await (await archive(h, auditor, latestCutoffDate(new Date()))).json();
    expect(second).toMatchObject({ fromSeq: S + 11, firstPrevHash: first.lastHash });
    // The first archive's own event was young then; the second archive leaves it alone too.
    expect(second.throughSeq).toBe(S + 60);
    expect(await verifyAuditChain(h.db)).toMatchObject({ ok: true, anchor: { seq: S + 60 } });
    const files = [first, second].map((m) => join(archiveDir(h), m.file));
    const checks = await verifyArchiveFiles(files, { db: h.db });
    expect(checks).toEqual([
      expect.objectContaining({ ok: true, previous: 'genesis', next: 'archive', recorded: 'live' }),
      expect.objectContaining({ ok: true, previous: 'archive', next: 'live', recorded: 'live' }),
    ]);
  });

  it('rows an archive recorded but did not get to remove (a crash) do not disturb verify, and the next archive removes them', async () => {
    const { h, auditor, before, S } = await oldLog();
    // What a crash right after the recording transaction leaves: the file, the archive event, every row.
    const written = await writeArchiveFile(h.db, {
      path: join(h.dir, 'crashed.jsonl.gz'),
      start: { seq: 0, hash: '0'.repeat(64) },
      cutoff: cutoffInstant(before(11)),
      header: { archiveId: 'crashed', createdAt: new Date().toISOString(), createdBy: null },
    });
    if (!written.ok) throw new Error('not written');
    const { kind: _k, ...link } = written.link;
    await tx(h.db, () =>
      appendAudit(h.db, {
        at: new Date().toISOString(),
        actor: null,
        action: ARCHIVE_ACTION,
        entityType: ARCHIVE_ENTITY_TYPE,
        entityId: ARCHIVE_ENTITY_ID,
        outcome: 'success',
        meta: {
          archiveId: 'crashed',
          file: 'crashed.jsonl.gz',
          sha256: written.sha256,
          bytes: written.bytes,
          cutoff: written.header.cutoff,
          fromSeq: 1,
          firstPrevHash: written.header.firstPrevHash,
          ...link,
        },
      }),
    );
    expect((await seqs(h)).lo).toBe(1);
    expect(await verifyAuditChain(h.db, { full: true })).toMatchObject({ ok: true, anchor: { seq: S + 10 } });
    const next = await (await archive(h, auditor, before(31))).json();
    expect(next).toMatchObject({ fromSeq: S + 11, throughSeq: S + 30 });
    expect((await seqs(h)).lo).toBe(S + 31);
    expect(await verifyAuditChain(h.db, { full: true })).toMatchObject({ ok: true, anchor: { seq: S + 30 } });
  });

  it('refuses to archive a chain that does not verify (409, audited) and keeps every row', async () => {
    const { h, auditor, before } = await oldLog();
    await withoutTriggers(h, () => h.sql(sql`update audit_events set actor_name = 'x' where seq = 7`));
    const res = await archive(h, auditor, before(31));
    expect(res.status).toBe(409);
    expect((await res.json()).error.code).toBe('AUDIT_CHAIN_BROKEN');
    expect((await auditedArchives(h)).map((a) => a.outcome)).toEqual(['failed']);
    expect((await seqs(h)).lo).toBe(1);
    expect(existsSync(join(archiveDir(h), 'audit-archive-1-60.jsonl.gz'))).toBe(false);
  });

  it('says so when there is nothing before the cut-off', async () => {
    const { h, auditor, start } = await oldLog();
    const res = await archive(h, auditor, districtDay(start - 10 * DAY));
    expect(res.status).toBe(422);
    expect((await res.json()).error.message['zh-CN']).toContain('没有可归档的审计记录');
  });
});
