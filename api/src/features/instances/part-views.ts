import { and, asc, eq, inArray } from 'drizzle-orm';

import type { AppAbility } from '../../auth/ability.js';
import type { TAuthUser } from '../../auth/user.js';
import { attachments, organisations, roleGrants, type TInstanceRow, users } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import { type matchesRule, type TDefinition } from '../../engine.js';
import { toAttachment } from '../attachments/attachment-view.js';
import { partPrefill } from '../workflow-rules/indicator-rows.js';
import type { Veil } from './blind-review.js';
import { ruleOrgs } from './engine-env.js';
import type { TPartStep } from './instances.types.js';
import { isPartField, partScopes } from './part-scope.js';

/**
 * Who is behind each participant: the organisation where they hold the participant role (preferring the
 * ones the rule points at — a group's member schools) and their name. Bounded by the participants.
 */
async function whoIs(deps: Pick<Deps, 'db'>, role: string, ids: string[], preferred: string[] | null) {
  const people = new Map(
    (
      await deps.db.select({ id: users.id, displayName: users.displayName }).from(users).where(inArray(users.id, ids))
    ).map((u) => [u.id, u.displayName]),
  );
  const orgs = new Map<string, { id: string; name: string; code: string | null }>();
  const grants = await deps.db
    .select({ userId: roleGrants.userId, orgId: organisations.id, name: organisations.name, code: organisations.code })
    .from(roleGrants)
    .innerJoin(organisations, eq(organisations.id, roleGrants.orgId))
    .where(and(inArray(roleGrants.userId, ids), eq(roleGrants.role, role)));
  for (const g of grants) {
    const known = orgs.get(g.userId);
    if (!known || (preferred?.includes(g.orgId) && !preferred.includes(known.id)))
      orgs.set(g.userId, { id: g.orgId, name: g.name, code: g.code });
  }
  return (id: string) => ({ person: people.get(id) ?? '', org: orgs.get(id) ?? null });
}

const byOrg = (who: Awaited<ReturnType<typeof whoIs>>) => (a: string, b: string) => {
  const [x, y] = [who(a).org, who(b).org];
  return (
    (x?.code ?? '\uffff').localeCompare(y?.code ?? '\uffff') ||
    (x?.name ?? '').localeCompare(y?.name ?? '', 'zh-CN') ||
    a.localeCompare(b)
  );
};

/**
 * 各单位填报: each collect step's parts as its collector sees them — per participant (a member school), the
 * status, when it came in, how often it was returned and why, its form data and the files its author
 * attached to that form. Collectors and those who oversee every instance see every part; a participant
 * sees only their own; anyone else sees none of it. People a blind or sealed review hides stay out.
 */
export async function partViews(
  deps: Pick<Deps, 'db'>,
  input: { def: TDefinition; row: TInstanceRow; user: TAuthUser; ability: AppAbility; veil: Veil },
): Promise<TPartStep[]> {
  const { def, row, user } = input;
  const ctx = row.snapshot.context as Parameters<typeof matchesRule>[2];
  const out: TPartStep[] = [];
  for (const { step: stateId, collection: c, all, fields } of partScopes(def, row, user, input.ability)) {
    const state = def.states[stateId];
    if (state?.kind !== 'collect') continue;
    const visible = (all ? c.participants : c.participants.filter((u) => u === user.id)).filter(
      (u) => !input.veil.people.has(u),
    );
    if (visible.length === 0) continue;
    const prefill = await partPrefill(deps, def, { state: stateId, data: row.data });
    const who = await whoIs(
      deps,
      state.participants.role,
      visible,
      ruleOrgs(state.participants, ctx.subject, ctx.data ?? {}),
    );
    // Evidence is a file its author attached to one of the step's fields (a row of its table: `<table>.<key>`).
    const files = (
      await deps.db
        .select()
        .from(attachments)
        .where(and(eq(attachments.instanceId, row.id), inArray(attachments.uploadedBy, visible)))
        .orderBy(asc(attachments.createdAt), asc(attachments.id))
    ).filter((a) => isPartField(fields, a.field));
    out.push({
      step: stateId,
      stepName: state.name,
      current: row.state === stateId && row.status === 'running',
      scope: all ? 'all' : 'own',
      // Parts store what their authors filled (a row's key and score); the rows the step starts from name them.
      rows: prefill ? { field: prefill.field, rows: prefill.rows } : null,
      // In the tree's order (the lead school's code first), then by name: the same order on every visit.
      parts: [...visible].sort(byOrg(who)).map((userId) => {
        const part = c.parts[userId];
        const { person, org } = who(userId);
        return {
          userId,
          person,
          orgId: org?.id ?? null,
          orgName: org?.name ?? null,
          status: part?.status ?? 'pending',
          submittedAt: part?.status === 'submitted' ? part.at : null,
          returns: part?.returns ?? 0,
          returnReason: part?.status === 'returned' ? (part.comment ?? null) : null,
          data: Object.fromEntries(Object.entries(part?.data ?? {}).filter(([k]) => fields.includes(k))),
          files: files.filter((f) => f.uploadedBy === userId).map(toAttachment),
        };
      }),
    });
  }
  return out;
}
