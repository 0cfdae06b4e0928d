import { and, count, eq, inArray } from 'drizzle-orm';

import { instanceParticipants, instances, organisations, roleGrants, users } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import { assignExperts, type Avoid, conflictOf, type ExpertRef, type SubmissionRef } from '../../engine.js';
import { AppError } from '../../errors.js';
import { loadPublished } from '../reference/load-reference.js';

/**
 * The experts the directory offers: each with the school and group of their expert grant (for 回避)
 * and their load = running instances they are assigned to as expert.
 */
async function expertPool(deps: Pick<Deps, 'db'>): Promise<ExpertRef[]> {
  const grants = await deps.db
    .select({
      id: roleGrants.userId,
      orgId: roleGrants.orgId,
      type: organisations.type,
      parentId: organisations.parentId,
    })
    .from(roleGrants)
    .innerJoin(users, eq(users.id, roleGrants.userId))
    .innerJoin(organisations, eq(organisations.id, roleGrants.orgId))
    .where(and(eq(roleGrants.role, 'expert'), eq(users.disabled, false)));
  const loads = new Map(
    (
      await deps.db
        .select({ userId: instanceParticipants.userId, n: count() })
        .from(instanceParticipants)
        .innerJoin(instances, eq(instances.id, instanceParticipants.instanceId))
        .where(and(eq(instanceParticipants.role, 'expert'), eq(instances.status, 'running')))
        .groupBy(instanceParticipants.userId)
    ).map((r) => [r.userId, r.n]),
  );
  return grants.map((g) => ({
    id: g.id,
    schoolId: g.type === 'school' ? g.orgId : null,
    groupId: g.type === 'school' ? g.parentId : g.type === 'group' ? g.orgId : null,
    load: loads.get(g.id) ?? 0,
  }));
}

/** ≥ N experts for one submission (the block's count, else the rubric's, else 3), never from its school or group, least loaded first. */
export async function chooseExperts(
  deps: Pick<Deps, 'db'>,
  submission: SubmissionRef,
  opts: { count?: number; avoid: Avoid[] },
): Promise<string[] | AppError> {
  const per = opts.count ?? (await loadPublished(deps, 'award-rubric'))?.content.expertsPerSubmission ?? 3;
  const result = assignExperts([submission], await expertPool(deps), per, opts.avoid);
  if (result.ok) return result.assignments[submission.id] ?? [];
  return new AppError('GUARD_FAILED', {
    rule: 'enoughExperts',
    message: {
      'zh-CN': `回避本校及本集团后仅有 ${result.eligible} 名专家可选，至少需要 ${per} 名`,
      en: `Only ${result.eligible} experts remain after excluding the school and its group; ${per} are needed`,
    },
  });
}

export const expertIdsExist = async (deps: Pick<Deps, 'db'>, ids: string[]) =>
  ids.length === 0 ||
  (await deps.db.select({ n: count() }).from(users).where(inArray(users.id, ids)).limit(1))[0]?.n === ids.length;

/**
 * Experts named by hand obey 回避 as the automatic choice does: the first one from the submitting school
 * (or its group) refuses the move, by name and rule. Ids that hold no expert grant are left to the
 * assignment check, which refuses them as not holding the role.
 */
export async function conflictedExpert(
  deps: Pick<Deps, 'db'>,
  submission: SubmissionRef,
  input: { ids: string[]; avoid: Avoid[]; field: string },
): Promise<AppError | null> {
  const { ids, avoid } = input;
  const pool = new Map((await expertPool(deps)).map((e) => [e.id, e]));
  for (const id of ids) {
    const expert = pool.get(id);
    const why = expert ? conflictOf(submission, expert, avoid) : null;
    if (!why) continue;
    const name =
      (await deps.db.select({ name: users.displayName }).from(users).where(eq(users.id, id)).limit(1))[0]?.name ?? id;
    const zh = why === 'school' ? '申报学校' : '申报学校所在集团';
    const en = why === 'school' ? 'the submitting school' : 'the submitting school’s group';
    const message = {
      'zh-CN': `回避规则：专家「${name}」来自${zh}，不能评审该申报`,
      en: `Conflict of interest: expert "${name}" is from ${en} and may not review this submission`,
    };
    return new AppError('GUARD_FAILED', {
      status: 422,
      rule: 'notConflicted',
      message,
      fieldErrors: { [input.field]: message },
    });
  }
  return null;
}
