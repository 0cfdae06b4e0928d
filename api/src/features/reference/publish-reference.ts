import { subject } from '@casl/ability';
import { and, eq } from 'drizzle-orm';
import { appendAudit } from '../../audit/append.js';
import { SYSTEM_USER, type TAuthUser } from '../../auth/user.js';
import { txOrThrow } from '../../db/client.js';
import { referenceData } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import { AppError } from '../../errors.js';
import { authorize } from '../authorize.js';
import { toReference } from './load-reference.js';
import type { TReference, TReferenceKind } from './reference.types.js';

/** Publishes a draft: from then on it is immutable and the workflows read it. Re-publishing is a no-op. */
export function publishReference(deps: Deps, input: { kind: TReferenceKind; id: string; actor?: TAuthUser }): TReference {
  const actor = input.actor ?? SYSTEM_USER;
  return txOrThrow(deps.db, () => {
    const row = deps.db
      .select()
      .from(referenceData)
      .where(and(eq(referenceData.id, input.id), eq(referenceData.kind, input.kind)))
      .get();
    const denied = authorize(deps, actor, {
      action: 'publish',
      type: 'ReferenceData',
      target: row ? subject('ReferenceData', { id: row.id, status: row.status }) : undefined,
      entityId: input.id,
      auditAction: 'reference.publish',
      hideUnreadable: true,
    });
    if (denied) return denied;
    if (!row) return new AppError('NOT_FOUND');
    if (row.status === 'published') return toReference(row);
    const publishedAt = deps.clock().toISOString();
    deps.db.update(referenceData).set({ status: 'published', publishedAt }).where(eq(referenceData.id, row.id)).run();
    appendAudit(deps.db, {
      at: publishedAt,
      actor,
      action: 'reference.publish',
      entityType: 'ReferenceData',
      entityId: row.id,
      outcome: 'success',
      before: { status: 'draft' },
      after: { status: 'published', kind: row.kind, key: row.key, version: row.version },
    });
    return toReference({ ...row, status: 'published', publishedAt });
  });
}
