import {
  type Actor,
  type EngineEnv,
  reviewAssigneeRules,
  ROLES,
  type Subject,
  type TDefinition,
  type TRole,
} from '@eduflow/workflows';

/**
 * A tiny made-up district for simulation: one school in one group, two people per role holding it
 * everywhere, so any scope rule can be satisfied by picking the right role. No server is involved.
 */
export const SIM_ORGS = { district: 'sim-district', group: 'sim-group', school: 'sim-school', school2: 'sim-school-2' };
const ALL_ORGS = Object.values(SIM_ORGS);

export type SimUser = { id: string; role: TRole; n: 1 | 2 };
export const SIM_USERS: SimUser[] = ROLES.flatMap((role) =>
  ([1, 2] as const).map((n) => ({ id: `${role}-${n}`, role, n })),
);

export const simActor = (u: SimUser): Actor => ({
  userId: u.id,
  roles: ALL_ORGS.map((orgId) => ({ role: u.role, orgId })),
});

export function simSubject(def: TDefinition): Subject {
  if (def.subject === 'district') return { orgId: SIM_ORGS.district, path: [SIM_ORGS.district], type: 'district' };
  if (def.subject === 'group')
    return {
      orgId: SIM_ORGS.group,
      path: [SIM_ORGS.district, SIM_ORGS.group],
      type: 'group',
      members: [SIM_ORGS.school, SIM_ORGS.school2],
    };
  return { orgId: SIM_ORGS.school, path: [SIM_ORGS.district, SIM_ORGS.group, SIM_ORGS.school], type: 'school' };
}

/** Reviewers and collect participants: both people of the rule's role, as the directory would resolve them. */
export function simEnv(def: TDefinition, now = new Date()): EngineEnv {
  const reviewers: Record<string, string[]> = {};
  for (const { state, rule } of reviewAssigneeRules(def))
    reviewers[state] = SIM_USERS.filter((u) => u.role === rule.role).map((u) => u.id);
  return { now, reviewers, facts: {} };
}

/** Whoever a step assigns by role ("assigned" scope): the first person of that role. */
export const simAssignments = (): Partial<Record<TRole, string[]>> =>
  Object.fromEntries(ROLES.map((r) => [r, [`${r}-1`]]));
