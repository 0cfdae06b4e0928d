import { eq, max } from 'drizzle-orm';

import { appendAudit } from '../../audit/append.js';
import { SYSTEM_USER, type TAuthUser } from '../../auth/user.js';
import { txOrThrow } from '../../db/client.js';
import { definitions, type TDefinitionRow } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import { parseDefinition } from '../../engine.js';
import { AppError, type TLocalized } from '../../errors.js';
import { authorize } from '../authorize.js';
import type { TDefinitionDetail } from './definitions.types.js';
import { toDetail } from './load-definition.js';

/**
 * Stores a validated definition as a new draft. Versions are per key and assigned here (max + 1), so a
 * published version is never overwritten and running instances keep the version they started on.
 */
export async function createDraftDefinition(
  deps: Deps,
  input: { definition: unknown; actor?: TAuthUser },
): Promise<TDefinitionDetail> {
  const actor = input.actor ?? SYSTEM_USER;
  const done = await txOrThrow(deps.db, async () => {
    const denied = await authorize(deps, actor, {
      action: 'create',
      type: 'Definition',
      auditAction: 'definition.create',
    });
    if (denied) return denied;
    const parsed = parseDefinition(input.definition);
    if (!parsed.ok) {
      const fieldErrors: Record<string, TLocalized> = {};
      for (const e of parsed.errors) fieldErrors[e.path || '_'] ??= e.message;
      return new AppError('VALIDATION', { status: 422, fieldErrors });
    }
    const def = parsed.definition;
    const latest = (
      await deps.db
        .select({ v: max(definitions.version) })
        .from(definitions)
        .where(eq(definitions.key, def.key))
        .limit(1)
    )[0];
    const version = (latest?.v ?? 0) + 1;
    const body = { ...def, version };
    const row: TDefinitionRow = {
      id: crypto.randomUUID(),
      key: def.key,
      version,
      status: 'draft',
      nameZh: def.name['zh-CN'],
      nameEn: def.name.en,
      subject: def.subject,
      body,
      createdBy: actor.id,
      createdAt: deps.clock().toISOString(),
      publishedAt: null,
      revision: 1,
    };
    await deps.db.insert(definitions).values(row);
    await appendAudit(deps.db, {
      at: row.createdAt,
      actor,
      action: 'definition.create',
      entityType: 'Definition',
      entityId: row.id,
      outcome: 'success',
      after: { key: row.key, version: row.version, status: row.status },
    });
    return row;
  });
  // After the commit: who edited and published it is read from the audit trail, whose events join it then.
  return await toDetail(deps, done);
}
