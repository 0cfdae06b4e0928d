import { subject } from '@casl/ability';
import { eq } from 'drizzle-orm';
import { appendAudit } from '../../audit/append.js';
import { SYSTEM_USER, type TAuthUser } from '../../auth/user.js';
import { txOrThrow } from '../../db/client.js';
import { definitions } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import { AppError } from '../../errors.js';
import { authorize } from '../authorize.js';
import { toSummary } from './load-definition.js';
import type { TDefinitionDetail } from './definitions.types.js';

/** Publishes a draft; from now on it is immutable. Publishing an already published version is a no-op. */
export function publishDefinition(deps: Deps, input: { id: string; actor?: TAuthUser }): TDefinitionDetail {
  const actor = input.actor ?? SYSTEM_USER;
  return txOrThrow(deps.db, () => {
    const row = deps.db.select().from(definitions).where(eq(definitions.id, input.id)).get();
    const denied = authorize(deps, actor, {
      action: 'publish',
      type: 'Definition',
      target: row ? subject('Definition', { id: row.id, status: row.status, key: row.key }) : undefined,
      entityId: input.id,
      auditAction: 'definition.publish',
      hideUnreadable: true,
    });
    if (denied) return denied;
    if (!row) return new AppError('NOT_FOUND');
    if (row.status === 'published') return { ...toSummary(row), definition: row.body };
    const publishedAt = deps.clock().toISOString();
    deps.db.update(definitions).set({ status: 'published', publishedAt }).where(eq(definitions.id, row.id)).run();
    appendAudit(deps.db, {
      at: publishedAt,
      actor,
      action: 'definition.publish',
      entityType: 'Definition',
      entityId: row.id,
      outcome: 'success',
      before: { status: 'draft' },
      after: { status: 'published', key: row.key, version: row.version },
    });
    return { ...toSummary({ ...row, status: 'published', publishedAt }), definition: row.body };
  });
}
