import { and, count, eq, inArray } from 'drizzle-orm';
import { instanceParticipants, instances, organisations, roleGrants, users } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import { assignExperts, type ExpertRef } from '../../domain.js';
import { AppError } from '../../errors.js';
import { loadPublished } from '../reference/load-reference.js';

/**
 * The experts the directory offers: each with the school and group of their expert grant (for 回避)
 * and their load = running instances they are assigned to as expert.
 */
function expertPool(deps: Pick<Deps, 'db'>): ExpertRef[] {
  const grants = deps.db
    .select({ id: roleGrants.userId, orgId: roleGrants.orgId, type: organisations.type, parentId: organisations.parentId })
    .from(roleGrants)
    .innerJoin(users, eq(users.id, roleGrants.userId))
    .innerJoin(organisations, eq(organisations.id, roleGrants.orgId))
    .where(and(eq(roleGrants.role, 'expert'), eq(users.disabled, false)))
    .all();
  const loads = new Map(
    deps.db
      .select({ userId: instanceParticipants.userId, n: count() })
      .from(instanceParticipants)
      .innerJoin(instances, eq(instances.id, instanceParticipants.instanceId))
      .where(and(eq(instanceParticipants.role, 'expert'), eq(instances.status, 'running')))
      .groupBy(instanceParticipants.userId)
      .all()
      .map((r) => [r.userId, r.n]),
  );
  return grants.map((g) => ({
    id: g.id,
    schoolId: g.type === 'school' ? g.orgId : null,
    groupId: g.type === 'school' ? g.parentId : g.type === 'group' ? g.orgId : null,
    load: loads.get(g.id) ?? 0,
  }));
}

/** ≥ 3 experts for one submission, never from its school or group, least loaded first. */
export function chooseExperts(deps: Pick<Deps, 'db'>, submission: { id: string; schoolId: string; groupId: string | null }): string[] | AppError {
  const per = loadPublished(deps, 'award-rubric')?.content.expertsPerSubmission ?? 3;
  const result = assignExperts([submission], expertPool(deps), per);
  if (result.ok) return result.assignments[submission.id] ?? [];
  return new AppError('GUARD_FAILED', {
    rule: 'enoughExperts',
    message: {
      'zh-CN': `回避本校及本集团后仅有 ${result.eligible} 名专家可选，至少需要 ${per} 名`,
      en: `Only ${result.eligible} experts remain after excluding the school and its group; ${per} are needed`,
    },
  });
}

export const expertIdsExist = (deps: Pick<Deps, 'db'>, ids: string[]) =>
  ids.length === 0 || deps.db.select({ n: count() }).from(users).where(inArray(users.id, ids)).get()?.n === ids.length;
