import { subject } from '@casl/ability';
import { and, eq, gt, max } from 'drizzle-orm';

import { appendAudit } from '../../audit/append.js';
import { SYSTEM_USER, type TAuthUser } from '../../auth/user.js';
import { txOrThrow } from '../../db/client.js';
import { referenceData } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import { AppError } from '../../errors.js';
import { authorize } from '../authorize.js';
import { contentFieldErrors } from './content-errors.js';
import { referenceOf } from './load-reference.js';
import { CONTENT_SCHEMAS, type TCreateReferenceBody, type TReference, type TReferenceKind } from './reference.types.js';

/** Whitelists and rubrics are yearly; indicator systems and checklists carry their own key. */
function keyOf(kind: TReferenceKind, content: Record<string, unknown>): string {
  return kind === 'whitelist' || kind === 'award-rubric' ? String(content.year) : String(content.key);
}

/**
 * The editor copies one version and saves a new one; if meanwhile someone else saved a newer version
 * of the same key, saving would quietly fork their work. Refuse (409) so the console reloads instead.
 */
async function newerThanBase(deps: Deps, kind: TReferenceKind, basedOn: string): Promise<AppError | null> {
  const base = (
    await deps.db
      .select()
      .from(referenceData)
      .where(and(eq(referenceData.id, basedOn), eq(referenceData.kind, kind)))
      .limit(1)
  )[0];
  if (!base) {
    const msg = {
      'zh-CN': '作为蓝本的版本不存在，请重新加载。',
      en: 'The version this edit started from does not exist; reload.',
    };
    return new AppError('VALIDATION', { status: 422, fieldErrors: { basedOn: msg } });
  }
  const newer = (
    await deps.db
      .select({ version: referenceData.version })
      .from(referenceData)
      .where(
        and(eq(referenceData.kind, kind), eq(referenceData.key, base.key), gt(referenceData.version, base.version)),
      )
      .orderBy(referenceData.version)
      .limit(1)
  )[0];
  if (!newer) return null;
  return new AppError('VERSION_CONFLICT', {
    message: {
      'zh-CN': `您编辑期间已有人保存了更新的版本 v${newer.version}。为避免覆盖，请重新加载后在最新版本上修改。`,
      en: `Someone saved a newer version (v${newer.version}) while you were editing; reload and edit the newest version.`,
    },
  });
}

/** A new draft version of one piece of reference data; the content is validated by its kind's schema. */
export async function createReference(
  deps: Deps,
  input: TCreateReferenceBody & { kind: TReferenceKind; actor?: TAuthUser },
): Promise<TReference> {
  const actor = input.actor ?? SYSTEM_USER;
  const done = await txOrThrow(deps.db, async () => {
    const denied = await authorize(deps, actor, {
      action: 'create',
      type: 'ReferenceData',
      target: subject('ReferenceData', { id: '', status: 'draft' }),
      auditAction: 'reference.create',
    });
    if (denied) return denied;
    const stale = input.basedOn === undefined ? null : await newerThanBase(deps, input.kind, input.basedOn);
    if (stale) return stale;
    const parsed = CONTENT_SCHEMAS[input.kind].safeParse(input.content);
    if (!parsed.success)
      return new AppError('VALIDATION', { status: 422, fieldErrors: contentFieldErrors(parsed.error) });
    const content: Record<string, unknown> = parsed.data;
    const key = keyOf(input.kind, content);
    const last = (
      await deps.db
        .select({ v: max(referenceData.version) })
        .from(referenceData)
        .where(and(eq(referenceData.kind, input.kind), eq(referenceData.key, key)))
        .limit(1)
    )[0]?.v;
    const version = (last ?? 0) + 1;
    const at = deps.clock().toISOString();
    const row = {
      id: crypto.randomUUID(),
      kind: input.kind,
      key,
      version,
      status: 'draft' as const,
      name: input.name,
      body: input.kind === 'indicator-system' ? { ...content, version } : content,
      createdBy: actor.id,
      createdAt: at,
      publishedAt: null,
    };
    await deps.db.insert(referenceData).values(row);
    await appendAudit(deps.db, {
      at,
      actor,
      action: 'reference.create',
      entityType: 'ReferenceData',
      entityId: row.id,
      outcome: 'success',
      after: { kind: row.kind, key, version, status: 'draft' },
    });
    return row;
  });
  // After the commit: who edited and published it is read from the audit trail, whose events join it then.
  return await referenceOf(deps, done);
}
