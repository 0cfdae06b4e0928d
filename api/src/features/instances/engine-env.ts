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
import { LazyValues } from '../../lib/lazily.js';
import { calendarFor } from '../calendar/get-calendar.js';
import { engineFacts } from './engine-facts.js';

export const engineActor = (user: TAuthUser): Actor =>
  user.id === 'system' ? { userId: 'system', roles: [] } : { userId: user.id, roles: user.roles };

/** Users holding `role` at the org (null = anywhere), excluding disabled accounts: the directory lookup the engine cannot do. */
async function holders(deps: Pick<Deps, 'db'>, role: string, orgIds: string[] | null): Promise<string[]> {
  if (orgIds?.length === 0) return [];
  const rows = await deps.db
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
    .orderBy(roleGrants.userId);
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

const lazies = new WeakMap<EngineEnv, LazyValues>();

/**
 * Runs the pure engine over an env from buildEnv(): what it reads that is computed on demand (facts,
 * reviewers, party names) is read first, then the engine runs again (LazyValues).
 */
export function engineRun<T>(env: EngineEnv, run: () => T): Promise<T> {
  return lazies.get(env)?.settled(run) ?? Promise.resolve(run());
}

/**
 * Everything the pure engine needs from the outside for one start/step. `data` is the instance's form
 * data with the event's on top: a `listed` rule may name orgs the same event just filled in.
 */
export async function buildEnv(
  deps: Deps,
  def: TDefinition,
  subject: Subject,
  actor: Actor,
  data: Record<string, unknown> = {},
  instanceId: string | null = null,
): Promise<EngineEnv> {
  const now = deps.clock();
  const lazy = new LazyValues();
  const reviewers: Record<string, string[]> = {};
  // Read only when a review step is entered (explain/compile): resolved then, not on every event.
  for (const { state, rule } of reviewAssigneeRules(def))
    lazy.define(reviewers, state, () => holders(deps, rule.role, ruleOrgs(rule, subject, data)));
  const calendar = await calendarFor(deps, subject.path[0]);
  const env: EngineEnv = {
    now,
    calendar,
    reviewers,
    facts: await engineFacts(deps, { def, subject, actor, now, data, instanceId }, lazy),
  };
  // Read only when a collector's move is refused for missing parts (the message names the schools).
  if (Object.values(def.states).some((s) => s.kind === 'collect'))
    lazy.define(env as Record<string, unknown>, 'partyNames', () => partyNames(deps, def, subject, data));
  lazies.set(env, lazy);
  return env;
}

/**
 * Who may take part in the definition's collect steps, as people know them: the organisation where they
 * hold the participant role (the member school of a group, the school a request lists). Rules that do not
 * point at organisations (assigned experts) name nobody; the engine then only counts.
 */
export async function partyNames(
  deps: Pick<Deps, 'db'>,
  def: TDefinition,
  subject: Subject,
  data: Record<string, unknown>,
): Promise<Record<string, string>> {
  const names: Record<string, string> = {};
  for (const state of Object.values(def.states)) {
    if (state.kind !== 'collect') continue;
    const orgs = ruleOrgs(state.participants, subject, data);
    if (!orgs?.length) continue;
    const rows = await deps.db
      .select({ userId: roleGrants.userId, name: organisations.name })
      .from(roleGrants)
      .innerJoin(organisations, eq(organisations.id, roleGrants.orgId))
      .where(and(eq(roleGrants.role, state.participants.role), inArray(roleGrants.orgId, orgs)));
    for (const r of rows) names[r.userId] ??= r.name;
  }
  return names;
}
