import { and, eq, inArray } from 'drizzle-orm';

import { roleGrants, type TInstanceRow, users } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import { describeSnapshot, type EngineEvent, type TDefinition, type TRole, usesOf } from '../../engine.js';
import { AppError } from '../../errors.js';
import { findInTurn, someInTurn } from '../../lib/in-turn.js';
import { orgPath } from '../orgs/org-path.js';
import { conflictedExpert } from '../workflow-rules/award-experts.js';
import { badAssignment } from './assignment-check.js';

/** Mechanics whose `data.to` names people (RETURN_TO's names a step): 转办, 委派, 加签, 抄送, and a successor (REASSIGN). */
const PERSON_TARGETS = new Set(['TRANSFER', 'DELEGATE', 'ADD_SIGNER', 'COPY_TO', 'REASSIGN']);
/** District staff: "the bureau", who may be brought into any instance of the district. */
const BUREAU_ROLES = new Set(['bureauAdmin', 'bureauReviewer', 'inspector']);

/**
 * Whether a person belongs to the instance's organisational scope: a role at the instance's subject or
 * below it (its school, its departments; for a group its member schools; for a district-wide request the
 * district's units), at the group above it, or a bureau role at the district.
 */
async function inScope(
  deps: Pick<Deps, 'db'>,
  subjectPath: string[],
  grants: Array<{ role: string; orgId: string }>,
): Promise<boolean> {
  const district = subjectPath[0];
  const subject = subjectPath[subjectPath.length - 1];
  const above = new Set(subjectPath.slice(1));
  return await someInTurn(grants, async (g) => {
    if (g.orgId === district) return BUREAU_ROLES.has(g.role) || subject === district;
    if (above.has(g.orgId)) return true;
    return (await orgPath(deps, g.orgId)).some((o) => o.id === subject);
  });
}

/**
 * The engine checks a mechanic's input is complete but cannot know whether the people exist, nor whether
 * they may be brought in: a task handed to a mistyped or disabled account would wait forever, and a copy
 * to someone outside the instance's scope would let them read another school's work. Null when every
 * target is a live account inside the scope; the refusal names the first one outside it.
 */
export async function badMechanicTargets(
  deps: Deps,
  def: TDefinition,
  event: EngineEvent,
  row: Pick<TInstanceRow, 'id' | 'subjectOrgId' | 'subjectGroupId' | 'snapshot'>,
): Promise<AppError | null> {
  if (!PERSON_TARGETS.has(event.type)) return null;
  const to = event.data?.to;
  const ids =
    typeof to === 'string' ? [to] : Array.isArray(to) ? to.filter((x): x is string => typeof x === 'string') : [];
  if (ids.length === 0) return null; // the engine reports the missing input with its own message
  const successor =
    event.type === 'REASSIGN' ? await badSuccessor(deps, def, row, event.data?.from, ids[0] ?? '') : undefined;
  if (successor !== undefined) return successor;
  const live = await deps.db
    .select({ id: users.id, name: users.displayName })
    .from(users)
    .where(and(inArray(users.id, ids), eq(users.disabled, false)));
  if (live.length !== new Set(ids).size)
    return new AppError('VALIDATION', {
      status: 422,
      fieldErrors: { to: { 'zh-CN': '所选人员不存在或已停用', en: 'A chosen person does not exist or is disabled' } },
    });
  const subjectPath = (await orgPath(deps, row.subjectOrgId)).map((o) => o.id);
  const grants = await deps.db
    .select({ userId: roleGrants.userId, role: roleGrants.role, orgId: roleGrants.orgId })
    .from(roleGrants)
    .where(inArray(roleGrants.userId, ids));
  const outside = await findInTurn(
    live,
    async (u) =>
      !(await inScope(
        deps,
        subjectPath,
        grants.filter((g) => g.userId === u.id),
      )),
  );
  if (!outside) return null;
  const message = {
    'zh-CN': `「${outside.name}」不在本事项所属单位或教委范围内，不能办理或抄送`,
    en: `"${outside.name}" is outside this item's organisations and the bureau, and cannot be brought in`,
  };
  return new AppError('FORBIDDEN', { message, fieldErrors: { to: message }, rule: 'inScope' });
}

/**
 * A successor to someone's assignments (the experts of a submission, the inspector of a school) is
 * judged as the assignment was, not by the scope rule — experts come from outside the school on purpose:
 * they must hold each role, and where an expert review assigns the role, obey its 回避. undefined when the
 * person leaving holds no assignment here, so the scope rule applies.
 */
async function badSuccessor(
  deps: Deps,
  def: TDefinition,
  row: Pick<TInstanceRow, 'id' | 'subjectOrgId' | 'subjectGroupId' | 'snapshot'>,
  from: unknown,
  to: string,
): Promise<AppError | null | undefined> {
  const assigned = describeSnapshot(def, row.snapshot).assignments;
  const roles = (Object.keys(assigned) as TRole[]).filter(
    (role) => typeof from === 'string' && (assigned[role] ?? []).includes(from),
  );
  if (roles.length === 0) return undefined;
  const missing = await badAssignment(deps, Object.fromEntries(roles.map((role) => [role, [to]])), 'to');
  if (missing) return missing;
  const submission = { id: row.id, schoolId: row.subjectOrgId, groupId: row.subjectGroupId };
  for (const use of usesOf(def, 'assignExperts')) {
    const s = use.site.at === 'action' ? def.states[use.site.state] : undefined;
    const role = s && 'on' in s && use.site.at === 'action' ? s.on[use.site.event]?.assigns?.role : undefined;
    const conflict =
      role && roles.includes(role)
        ? await conflictedExpert(deps, submission, { ids: [to], avoid: use.params.avoid, field: 'to' })
        : null;
    if (conflict) return conflict;
  }
  return null;
}
