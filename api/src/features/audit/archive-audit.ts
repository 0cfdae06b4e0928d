import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { between } from 'drizzle-orm';

import {
  ARCHIVE_ACTION,
  ARCHIVE_ENTITY_ID,
  ARCHIVE_ENTITY_TYPE,
  auditTail,
  chainAnchor,
  hashesAt,
  type TArchiveRecord,
} from '../../audit/anchor.js';
import { appendAudit } from '../../audit/append.js';
import { archiveBaseName, MANIFEST_FORMAT, type TArchiveManifest } from '../../audit/archive-format.js';
import { cutoffInstant, latestCutoffDate } from '../../audit/retention.js';
import { writeArchiveFile } from '../../audit/write-archive.js';
import type { TAuthUser } from '../../auth/user.js';
import { AUDIT_ARCHIVES_DIR_NAME, dataDirOf } from '../../data-dir.js';
import { changesOf, type Db, tx, txOrThrow } from '../../db/client.js';
import { auditEvents } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import { AppError } from '../../errors.js';
import { fsyncPath } from '../../lib/fsync.js';
import { logger } from '../../log/logger.js';
import { authorize } from '../authorize.js';

/** One archive at a time per process; a second process is caught by the anchor check in the recording transaction. */
let writing = false;

/** ~5,000 rows ≈ 0.1 s of index maintenance: other requests run between chunks, writers never time out. */
const DELETE_CHUNK = 5000;

/**
 * Removes rows a recorded archive covers (seq ≤ its throughSeq), a chunk per transaction. Verify already
 * starts after the anchor, so rows still waiting here change nothing; a run cut short (a crash) is
 * finished by the next archive. The retention trigger refuses anything not covered.
 */
async function removeArchivedRows(db: Db, fromSeq: number, throughSeq: number): Promise<number> {
  let removed = 0;
  for (let lo = fromSeq; lo <= throughSeq; lo += DELETE_CHUNK) {
    const hi = Math.min(lo + DELETE_CHUNK - 1, throughSeq);
    removed += changesOf(await tx(db, () => db.delete(auditEvents).where(between(auditEvents.seq, lo, hi))));
    await new Promise((resolve) => setImmediate(resolve));
  }
  return removed;
}

const refusal = async (
  deps: Deps,
  actor: TAuthUser,
  outcome: 'denied' | 'failed',
  meta: Record<string, unknown>,
  error: AppError,
): Promise<AppError> => {
  await appendAudit(deps.db, {
    at: deps.clock().toISOString(),
    actor,
    action: 'audit.archive',
    entityType: ARCHIVE_ENTITY_TYPE,
    entityId: ARCHIVE_ENTITY_ID,
    outcome,
    meta,
  });
  return error;
};

/**
 * 审计归档: the auditor moves the events older than a cut-off date (≥ 180 days ago) out of the table into
 * `<data>/audit-archives/audit-archive-<from>-<through>.jsonl.gz` plus its manifest, records the archive
 * as an audit event in one transaction (the chain's new anchor: the last archived hash), then removes
 * exactly those rows. Never silently: every refusal is audited too (ADR 0015).
 */
export async function archiveAudit(deps: Deps, input: { actor: TAuthUser; before: string }): Promise<TArchiveManifest> {
  const now = deps.clock();
  const cutoff = cutoffInstant(input.before);
  const latest = latestCutoffDate(now);
  await txOrThrow(deps.db, async () => {
    const denied = await authorize(deps, input.actor, {
      action: 'archive',
      type: 'AuditEvent',
      auditAction: 'audit.archive',
    });
    if (denied) return denied;
    if (input.before > latest) {
      return await refusal(
        deps,
        input.actor,
        'denied',
        { reason: 'AUDIT_RETENTION', before: input.before, latestBefore: latest },
        new AppError('AUDIT_RETENTION', {
          message: {
            'zh-CN': `审计记录须至少保存 180 天（等保 2.0）：截止日期最晚为 ${latest}，不能选 ${input.before}。`,
            en: `Audit events are kept at least 180 days (MLPS 2.0): the cut-off date may be ${latest} at the latest, not ${input.before}.`,
          },
        }),
      );
    }
    if (writing)
      return new AppError('VERSION_CONFLICT', {
        message: {
          'zh-CN': '正在生成另一份审计归档，请稍后再试。',
          en: 'Another audit archive is being written; try again shortly.',
        },
      });
    return null;
  });

  writing = true;
  const dir = join(dataDirOf(deps), AUDIT_ARCHIVES_DIR_NAME);
  const archiveId = crypto.randomUUID();
  const temp = join(dir, `.${archiveId}.part`);
  // Set once placed by this call, so a failure removes only what this call wrote.
  let finalPath: string | null = null;
  let manifestPath: string | null = null;
  let recorded = false;
  try {
    mkdirSync(dir, { recursive: true, mode: 0o750 });
    const anchor = await chainAnchor(deps.db);
    const first = await auditTail(deps.db);
    if (first !== null && first <= anchor.seq) await removeArchivedRows(deps.db, first, anchor.seq);
    const createdBy = { id: input.actor.id, displayName: input.actor.displayName };
    const written = await writeArchiveFile(deps.db, {
      path: temp,
      start: anchor,
      cutoff,
      header: { archiveId, createdAt: now.toISOString(), createdBy },
    });
    if (!written.ok) {
      return await txOrThrow(deps.db, async () =>
        written.why === 'empty'
          ? await refusal(
              deps,
              input.actor,
              'denied',
              { reason: 'NOTHING_TO_ARCHIVE', before: input.before },
              new AppError('VALIDATION', {
                status: 422,
                message: {
                  'zh-CN': `${input.before} 之前没有可归档的审计记录。`,
                  en: `There are no audit events before ${input.before} to archive.`,
                },
              }),
            )
          : await refusal(
              deps,
              input.actor,
              'failed',
              { reason: 'AUDIT_CHAIN_BROKEN', brokenAt: written.brokenAt, detail: written.message.en },
              new AppError('AUDIT_CHAIN_BROKEN', {
                message: {
                  'zh-CN': `审计链校验未通过，不能归档：${written.message['zh-CN']}。请先核查第 ${written.brokenAt} 条记录。`,
                  en: `The audit chain does not verify, so nothing was archived: ${written.message.en} (event ${written.brokenAt}).`,
                },
              }),
            ),
      );
    }
    const { header, link } = written;
    const base = archiveBaseName(header.fromSeq, link.throughSeq);
    const target = join(dir, `${base}.jsonl.gz`);
    const targetManifest = join(dir, `${base}.manifest.json`);
    if (existsSync(target) || existsSync(targetManifest)) throw new Error(`${target} already exists`);
    const record: TArchiveRecord = {
      archiveId,
      file: `${base}.jsonl.gz`,
      sha256: written.sha256,
      bytes: written.bytes,
      cutoff,
      fromSeq: header.fromSeq,
      throughSeq: link.throughSeq,
      count: link.count,
      firstAt: link.firstAt,
      lastAt: link.lastAt,
      firstPrevHash: header.firstPrevHash,
      lastHash: link.lastHash,
      firstKeptSeq: link.firstKeptSeq,
      firstKeptPrevHash: link.firstKeptPrevHash,
    };
    const manifest: TArchiveManifest = {
      format: MANIFEST_FORMAT,
      version: 1,
      ...record,
      createdAt: header.createdAt,
      createdBy,
    };
    // File and manifest are in place (and durable) before a single row leaves the table.
    renameSync(temp, target);
    finalPath = target;
    writeFileSync(targetManifest, `${JSON.stringify(manifest, null, 2)}\n`, { flag: 'wx', mode: 0o640 });
    manifestPath = targetManifest;
    fsyncPath(targetManifest);
    fsyncPath(dir);

    await txOrThrow(deps.db, async () => {
      if ((await chainAnchor(deps.db)).seq !== anchor.seq) {
        return new AppError('VERSION_CONFLICT', {
          message: {
            'zh-CN': '审计日志刚被另一次归档改变，请重新归档。',
            en: 'Another archive changed the audit log meanwhile; archive again.',
          },
        });
      }
      const kept = await hashesAt(deps.db, record.firstKeptSeq);
      if (kept && kept.prevHash !== record.lastHash) {
        return await refusal(
          deps,
          input.actor,
          'failed',
          { reason: 'AUDIT_CHAIN_BROKEN', brokenAt: record.firstKeptSeq },
          new AppError('AUDIT_CHAIN_BROKEN'),
        );
      }
      // Recorded first: from this commit verify starts after the archive, and the retention trigger lets a
      // row go only when the newest archive event covers it.
      await appendAudit(deps.db, {
        at: deps.clock().toISOString(),
        actor: input.actor,
        action: ARCHIVE_ACTION,
        entityType: ARCHIVE_ENTITY_TYPE,
        entityId: ARCHIVE_ENTITY_ID,
        outcome: 'success',
        meta: record,
      });
      return null;
    });
    recorded = true;
    const removed = await removeArchivedRows(deps.db, record.fromSeq, record.throughSeq);
    if (removed !== record.count)
      logger.error(
        { archiveId, removed, archived: record.count },
        'audit archive removed a different number of rows than it archived',
      );
    return manifest;
  } catch (err) {
    rmSync(temp, { force: true });
    // Unless the archive was recorded (then the files are its only copy of those rows), it did not happen.
    if (!recorded) {
      if (finalPath) rmSync(finalPath, { force: true });
      if (manifestPath) rmSync(manifestPath, { force: true });
    }
    throw err;
  } finally {
    writing = false;
  }
}
