import { subject } from '@casl/ability';
import { and, eq, max } from 'drizzle-orm';
import { appendAudit } from '../../audit/append.js';
import { SYSTEM_USER, type TAuthUser } from '../../auth/user.js';
import { txOrThrow } from '../../db/client.js';
import { referenceData } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import { AppError, zodFieldErrors } from '../../errors.js';
import { authorize } from '../authorize.js';
import { toReference } from './load-reference.js';
import { CONTENT_SCHEMAS, type TCreateReferenceBody, type TReference, type TReferenceKind } from './reference.types.js';

/** Whitelists and rubrics are yearly; indicator systems and checklists carry their own key. */
function keyOf(kind: TReferenceKind, content: Record<string, unknown>): string {
  return kind === 'whitelist' || kind === 'award-rubric' ? String(content.year) : String(content.key);
}

/** A new draft version of one piece of reference data; the content is validated by its kind's schema. */
export function createReference(deps: Deps, input: TCreateReferenceBody & { kind: TReferenceKind; actor?: TAuthUser }): TReference {
  const actor = input.actor ?? SYSTEM_USER;
  return txOrThrow(deps.db, () => {
    const denied = authorize(deps, actor, {
      action: 'create',
      type: 'ReferenceData',
      target: subject('ReferenceData', { id: '', status: 'draft' }),
      auditAction: 'reference.create',
    });
    if (denied) return denied;
    const parsed = CONTENT_SCHEMAS[input.kind].safeParse(input.content);
    if (!parsed.success) {
      const fieldErrors = Object.fromEntries(Object.entries(zodFieldErrors(parsed.error)).map(([k, v]) => [`content.${k}`, v]));
      return new AppError('VALIDATION', { status: 422, fieldErrors });
    }
    const content: Record<string, unknown> = parsed.data;
    const key = keyOf(input.kind, content);
    const last = deps.db
      .select({ v: max(referenceData.version) })
      .from(referenceData)
      .where(and(eq(referenceData.kind, input.kind), eq(referenceData.key, key)))
      .get()?.v;
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
    deps.db.insert(referenceData).values(row).run();
    appendAudit(deps.db, {
      at,
      actor,
      action: 'reference.create',
      entityType: 'ReferenceData',
      entityId: row.id,
      outcome: 'success',
      after: { kind: row.kind, key, version, status: 'draft' },
    });
    return toReference(row);
  });
}
