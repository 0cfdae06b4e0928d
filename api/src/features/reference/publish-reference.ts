import { subject } from '@casl/ability';
import { and, eq, gt } from 'drizzle-orm';

import { appendAudit } from '../../audit/append.js';
import { SYSTEM_USER, type TAuthUser } from '../../auth/user.js';
import { txOrThrow } from '../../db/client.js';
import { referenceData } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import { AppError } from '../../errors.js';
import { authorize } from '../authorize.js';
import { checkFourEyes, REFERENCE_DRAFTS } from '../four-eyes.js';
import { referenceOf } from './load-reference.js';
import type { TReference, TReferenceKind } from './reference.types.js';

/**
 * Publishes a draft: from then on it is immutable and the workflows read it. Re-publishing is a no-op.
 * Whoever created the draft may not publish it (四眼原则, checkFourEyes).
 */
export async function publishReference(
  deps: Deps,
  input: { kind: TReferenceKind; id: string; actor?: TAuthUser },
): Promise<TReference> {
  const actor = input.actor ?? SYSTEM_USER;
  const done = await txOrThrow(deps.db, async () => {
    const row = (
      await deps.db
        .select()
        .from(referenceData)
        .where(and(eq(referenceData.id, input.id), eq(referenceData.kind, input.kind)))
        .limit(1)
    )[0];
    const target = row ? subject('ReferenceData', { id: row.id, status: row.status }) : undefined;
    const denied = await authorize(deps, actor, {
      action: 'publish',
      type: 'ReferenceData',
      target,
      entityId: input.id,
      auditAction: 'reference.publish',
      hideUnreadable: true,
    });
    if (denied) return denied;
    if (!row) return new AppError('NOT_FOUND');
    if (row.status === 'published') return row;
    const fourEyes = await checkFourEyes(deps, actor, {
      kind: REFERENCE_DRAFTS,
      row,
      target: target!,
      auditAction: 'reference.publish',
    });
    if (fourEyes instanceof AppError) return fourEyes;
    // The workflows read the most recently published version, so publishing an older draft after a
    // newer version went out would silently roll the district back.
    const newer = (
      await deps.db
        .select({ version: referenceData.version })
        .from(referenceData)
        .where(
          and(
            eq(referenceData.kind, row.kind),
            eq(referenceData.key, row.key),
            eq(referenceData.status, 'published'),
            gt(referenceData.version, row.version),
          ),
        )
        .limit(1)
    )[0];
    if (newer) {
      return new AppError('VERSION_CONFLICT', {
        message: {
          'zh-CN': `已发布更新的版本 v${newer.version}，此草稿 v${row.version} 已过时，不能再发布。请在最新版本基础上新建版本。`,
          en: `A newer version (v${newer.version}) is already published; this draft (v${row.version}) is stale. Start a new version from the newest one.`,
        },
      });
    }
    const publishedAt = deps.clock().toISOString();
    await deps.db.update(referenceData).set({ status: 'published', publishedAt }).where(eq(referenceData.id, row.id));
    await appendAudit(deps.db, {
      at: publishedAt,
      actor,
      action: 'reference.publish',
      entityType: 'ReferenceData',
      entityId: row.id,
      outcome: 'success',
      before: { status: 'draft' },
      after: { status: 'published', kind: row.kind, key: row.key, version: row.version },
      meta: fourEyes,
    });
    return { ...row, status: 'published' as const, publishedAt };
  });
  // After the commit: who edited and published it is read from the audit trail, whose events join it then.
  return await referenceOf(deps, done);
}
