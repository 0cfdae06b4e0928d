import { and, eq, inArray } from 'drizzle-orm';

import type { TAuthUser } from '../../auth/user.js';
import { roleGrants, users } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import {
  type Actor,
  type EngineEnv,
  reviewAssigneeRules,
  scopeOrg,
  type Subject,
  type TActorRule,
  type TDefinition,
} from '../../engine.js';
import { lazily } from '../../lib/lazily.js';
import { calendarFor } from '../calendar/get-calendar.js';
import { engineFacts } from './engine-facts.js';

export const engineActor = (user: TAuthUser): Actor =>
  user.id === 'system' ? { userId: 'system', roles: [] } : { userId: user.id, roles: user.roles };

/** Users holding `role` at the org (null = anywhere), excluding disabled accounts: the directory lookup the engine cannot do. */
function holders(deps: Pick<Deps, 'db'>, role: string, orgIds: string[] | null): string[] {
  if (orgIds?.length === 0) return [];
  const rows = deps.db
    .selectDistinct({ userId: roleGrants.userId })
    .from(roleGrants)
    .innerJoin(users, eq(users.id, roleGrants.userId))
    .where(
      and(
        eq(roleGrants.role, role),
        eq(users.disabled, false),
        orgIds === null ? undefined : inArray(roleGrants.orgId, orgIds),
      ),
    )
    .orderBy(roleGrants.userId)
    .all();
  return rows.map((r) => r.userId);
}

/** The orgs a directory-resolved rule points at; null = anywhere. */
function ruleOrgs(rule: TActorRule, subject: Subject, data: Record<string, unknown>): string[] | null {
  if (rule.scope === 'subject.members') return subject.members ?? [];
  if (rule.scope === 'listed') {
    const v = rule.field ? data[rule.field] : undefined;
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : typeof v === 'string' ? [v] : [];
  }
  const org = scopeOrg(rule, subject);
  return org === undefined ? [] : org === null ? null : [org];
}

/**
 * Everything the pure engine needs from the outside for one start/step. `data` is the instance's form
 * data with the event's on top: a `listed` rule may name orgs the same event just filled in.
 */
export function buildEnv(
  deps: Deps,
  def: TDefinition,
  subject: Subject,
  actor: Actor,
  data: Record<string, unknown> = {},
  instanceId: string | null = null,
): EngineEnv {
  const now = deps.clock();
  const reviewers: Record<string, string[]> = {};
  // Read only when a review step is entered (explain/compile): resolved then, not on every event.
  for (const { state, rule } of reviewAssigneeRules(def))
    lazily(reviewers, state, () => holders(deps, rule.role, ruleOrgs(rule, subject, data)));
  const calendar = calendarFor(deps, subject.path[0]);
  return { now, calendar, reviewers, facts: engineFacts(deps, { def, subject, actor, now, data, instanceId }) };
}
