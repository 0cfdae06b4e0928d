import { and, asc, eq, inArray } from 'drizzle-orm';

import { appendAudit } from '../audit/append.js';
import { type AppAbility, defineAbilityFor } from '../auth/ability.js';
import { isSystem, SYSTEM_USER, type TAuthUser } from '../auth/user.js';
import { auditEvents, roleGrants, users } from '../db/schema.js';
import type { Deps } from '../deps.js';
import { AppError } from '../errors.js';

export type TPerson = { id: string; displayName: string };
/** Who edited a draft (creator first, then each later editor once) and who published it. */
export type TDraftReview = { editors: TPerson[]; publishedBy: TPerson | null };

type TDraftRow = { id: string; createdBy: string | null };
type TDraftKind = { type: 'Definition' | 'ReferenceData'; updateAction?: string; publishAction: string };

export const DEFINITION_DRAFTS: TDraftKind = {
  type: 'Definition',
  updateAction: 'definition.update',
  publishAction: 'definition.publish',
};
// Reference data is never edited in place: each save is a new version (row) with its own creator.
export const REFERENCE_DRAFTS: TDraftKind = { type: 'ReferenceData', publishAction: 'reference.publish' };

/**
 * Editors and publisher of a page of drafts, from facts the system already keeps: the row's creator
 * and the append-only audit trail (every successful save, the publish). One indexed audit query and
 * one user lookup for the whole page.
 */
export async function draftReviews(
  deps: Pick<Deps, 'db'>,
  kind: TDraftKind,
  rows: TDraftRow[],
): Promise<Map<string, TDraftReview>> {
  const out = new Map<string, TDraftReview>();
  if (rows.length === 0) return out;
  const actions = kind.updateAction ? [kind.updateAction, kind.publishAction] : [kind.publishAction];
  const events = await deps.db
    .select({
      entityId: auditEvents.entityId,
      actorId: auditEvents.actorId,
      actorName: auditEvents.actorName,
      action: auditEvents.action,
    })
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.entityType, kind.type),
        inArray(
          auditEvents.entityId,
          rows.map((r) => r.id),
        ),
        eq(auditEvents.outcome, 'success'),
        inArray(auditEvents.action, actions),
      ),
    )
    .orderBy(asc(auditEvents.seq));
  const ids = new Set<string>();
  for (const r of rows) if (r.createdBy) ids.add(r.createdBy);
  for (const e of events) if (e.actorId) ids.add(e.actorId);
  const names = new Map(
    (
      await deps.db
        .select({ id: users.id, displayName: users.displayName })
        .from(users)
        .where(inArray(users.id, [...ids]))
    ).map((u) => [u.id, u.displayName]),
  );
  names.set(SYSTEM_USER.id, SYSTEM_USER.displayName);
  const person = (id: string, fallback?: string | null): TPerson => ({
    id,
    displayName: names.get(id) ?? fallback ?? id,
  });
  for (const r of rows) {
    const editors: TPerson[] = r.createdBy ? [person(r.createdBy)] : [];
    let publishedBy: TPerson | null = null;
    for (const e of events) {
      if (e.entityId !== r.id || !e.actorId) continue;
      if (e.action === kind.publishAction) publishedBy = person(e.actorId, e.actorName);
      else if (!editors.some((p) => p.id === e.actorId)) editors.push(person(e.actorId, e.actorName));
    }
    out.set(r.id, { editors, publishedBy });
  }
  return out;
}

export const draftReview = async (deps: Pick<Deps, 'db'>, kind: TDraftKind, row: TDraftRow): Promise<TDraftReview> =>
  (await draftReviews(deps, kind, [row])).get(row.id) ?? { editors: [], publishedBy: null };

/** The caller's grants without those lent to them by `lenders` (代岗委托): their own plus other delegators'. */
async function grantsWithout(
  deps: Pick<Deps, 'db'>,
  actor: TAuthUser,
  lenders: (userId: string) => boolean,
): Promise<TAuthUser> {
  const kept = new Set(
    (await deps.db.select().from(roleGrants).where(eq(roleGrants.userId, actor.id))).map((g) => `${g.role}@${g.orgId}`),
  );
  for (const a of actor.actingFor ?? [])
    if (!lenders(a.userId)) for (const g of a.roles) kept.add(`${g.role}@${g.orgId}`);
  return { ...actor, roles: actor.roles.filter((g) => kept.has(`${g.role}@${g.orgId}`)), actingFor: undefined };
}

/**
 * 四眼原则: whoever created or saved a draft may not publish it; another bureau admin or a bureau
 * reviewer approves it. Nor may someone publish it only by grants an editor lent them (代岗委托): that
 * would be the editor approving in their own name. Run after the CASL check, inside the publish
 * transaction: answers the refusal (audited, naming the editors) or the publish's audit meta (editors
 * and approver). Trusted code (the system user) is exempt, as it is from CASL.
 */
export async function checkFourEyes(
  deps: Deps,
  actor: TAuthUser,
  check: { kind: TDraftKind; row: TDraftRow; target: Parameters<AppAbility['can']>[1]; auditAction: string },
): Promise<AppError | { editors: TPerson[]; approvedBy: TPerson & { onBehalfOf?: TPerson[] } }> {
  const { editors } = await draftReview(deps, check.kind, check.row);
  const approvedBy: TPerson = { id: actor.id, displayName: actor.displayName };
  if (isSystem(actor)) return { editors, approvedBy };
  const editorIds = new Set(editors.map((e) => e.id));
  const delegated = actor.actingFor ?? [];
  const lenders = delegated
    .filter((a) => editorIds.has(a.userId))
    .map((a) => ({ id: a.userId, displayName: a.displayName }));
  const canAlone = async (without: (userId: string) => boolean) =>
    defineAbilityFor(await grantsWithout(deps, actor, without)).can('publish', check.target);
  const refusal = editorIds.has(actor.id)
    ? 'EDITED_DRAFT'
    : lenders.length > 0 && !(await canAlone((id) => editorIds.has(id)))
      ? 'ACTING_FOR_EDITOR'
      : null;
  if (!refusal) {
    // Published by grants someone else lent (not an editor): the audit names them too, as events do.
    const onBehalfOf =
      delegated.length > 0 && !(await canAlone(() => true))
        ? delegated.map((a) => ({ id: a.userId, displayName: a.displayName }))
        : undefined;
    return { editors, approvedBy: onBehalfOf ? { ...approvedBy, onBehalfOf } : approvedBy };
  }
  await appendAudit(deps.db, {
    at: deps.clock().toISOString(),
    actor,
    action: check.auditAction,
    entityType: check.kind.type,
    entityId: check.row.id,
    outcome: 'denied',
    meta: {
      reason: 'FOUR_EYES',
      rule: 'fourEyes',
      detail: refusal,
      permission: 'publish',
      editors,
      ...(lenders.length ? { actingFor: lenders } : {}),
    },
  });
  if (refusal === 'EDITED_DRAFT') return new AppError('FOUR_EYES', { rule: 'fourEyes' }).recorded();
  const names = { zh: lenders.map((p) => p.displayName).join('、'), en: lenders.map((p) => p.displayName).join(', ') };
  return new AppError('FOUR_EYES', {
    rule: 'fourEyes',
    message: {
      'zh-CN': `您正代理此草稿编辑人（${names.zh}）的职责，不能以其身份审核发布；须由其他教委管理员或教委科室审核人审核发布（四眼原则）。`,
      en: `You hold the duties of this draft's editor (${names.en}) by delegation and cannot approve it in their name; another bureau admin or a bureau reviewer must publish it (four-eyes rule).`,
    },
  }).recorded();
}
