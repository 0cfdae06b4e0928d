import { and, eq, inArray } from 'drizzle-orm';

import type { TAuthUser } from '../../auth/user.js';
import { organisations, roleGrants, users } from '../../db/schema.js';
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
export function ruleOrgs(rule: TActorRule, subject: Subject, data: Record<string, unknown>): string[] | null {
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
  const env: EngineEnv = {
    now,
    calendar,
    reviewers,
    facts: engineFacts(deps, { def, subject, actor, now, data, instanceId }),
  };
  // Read only when a collector's move is refused for missing parts (the message names the schools).
  if (Object.values(def.states).some((s) => s.kind === 'collect'))
    lazily(env, 'partyNames', () => partyNames(deps, def, subject, data));
  return env;
}

/**
 * Who may take part in the definition's collect steps, as people know them: the organisation where they
 * hold the participant role (the member school of a group, the school a request lists). Rules that do not
 * point at organisations (assigned experts) name nobody; the engine then only counts.
 */
export function partyNames(
  deps: Pick<Deps, 'db'>,
  def: TDefinition,
  subject: Subject,
  data: Record<string, unknown>,
): Record<string, string> {
  const names: Record<string, string> = {};
  for (const state of Object.values(def.states)) {
    if (state.kind !== 'collect') continue;
    const orgs = ruleOrgs(state.participants, subject, data);
    if (!orgs?.length) continue;
    const rows = deps.db
      .select({ userId: roleGrants.userId, name: organisations.name })
      .from(roleGrants)
      .innerJoin(organisations, eq(organisations.id, roleGrants.orgId))
      .where(and(eq(roleGrants.role, state.participants.role), inArray(roleGrants.orgId, orgs)))
      .all();
    for (const r of rows) names[r.userId] ??= r.name;
  }
  return names;
}
