import { subject } from '@casl/ability';
import { and, eq } from 'drizzle-orm';

import { appendAudit } from '../../audit/append.js';
import type { TAuthUser } from '../../auth/user.js';
import { txOrThrow } from '../../db/client.js';
import { definitions } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import { parseDefinition } from '../../engine.js';
import { AppError, zodFieldErrors } from '../../errors.js';
import { authorize } from '../authorize.js';
import type { TDraftSaved, TUpdateDraftBody } from './definitions.types.js';
import { zDraftHeader } from './draft-header.js';
import { toDetail } from './load-definition.js';

/**
 * Saves a draft in place. A half-built draft is kept (the designer saves work in progress) and the answer
 * lists what still stops publishing; the key cannot change because versions are counted per key.
 */
export async function updateDraft(
  deps: Deps,
  input: TUpdateDraftBody & { id: string; actor: TAuthUser },
): Promise<TDraftSaved> {
  const done = await txOrThrow(deps.db, async () => {
    const row = (await deps.db.select().from(definitions).where(eq(definitions.id, input.id)).limit(1))[0];
    const denied = await authorize(deps, input.actor, {
      action: 'update',
      type: 'Definition',
      target: row ? subject('Definition', { id: row.id, status: row.status, key: row.key }) : undefined,
      entityId: input.id,
      auditAction: 'definition.update',
      hideUnreadable: true,
    });
    if (denied) return denied;
    if (!row) return new AppError('NOT_FOUND');
    if (row.status !== 'draft') return new AppError('DEFINITION_PUBLISHED');
    if (row.revision !== input.expectedRevision) return new AppError('VERSION_CONFLICT');
    const header = zDraftHeader.safeParse(input.definition);
    if (!header.success) return new AppError('VALIDATION', { status: 422, fieldErrors: zodFieldErrors(header.error) });
    if (header.data.key !== row.key)
      return new AppError('VALIDATION', {
        status: 422,
        fieldErrors: {
          key: {
            'zh-CN': '草稿的流程标识不能修改；如需新流程请另存为副本。',
            en: 'A draft’s key cannot change; clone it to start a new workflow.',
          },
        },
      });
    const body = { ...input.definition, version: row.version };
    const revision = row.revision + 1;
    await deps.db
      .update(definitions)
      .set({
        body,
        revision,
        nameZh: header.data.name['zh-CN'],
        nameEn: header.data.name.en,
        subject: header.data.subject,
      })
      .where(and(eq(definitions.id, row.id), eq(definitions.revision, row.revision)));
    await appendAudit(deps.db, {
      at: deps.clock().toISOString(),
      actor: input.actor,
      action: 'definition.update',
      entityType: 'Definition',
      entityId: row.id,
      outcome: 'success',
      before: { revision: row.revision },
      after: { revision, key: row.key, version: row.version },
    });
    const parsed = parseDefinition(body);
    const saved = {
      ...row,
      body,
      revision,
      nameZh: header.data.name['zh-CN'],
      nameEn: header.data.name.en,
      subject: header.data.subject,
    };
    return { saved, errors: parsed.ok ? [] : parsed.errors };
  });
  // After the commit: who edited and published it is read from the audit trail, whose events join it then.
  return { ...(await toDetail(deps, done.saved)), errors: done.errors };
}
