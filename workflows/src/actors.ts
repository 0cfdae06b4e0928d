import type { TActorRule, TRole } from './definition/schema.js';
import type { Actor, Subject, TaskCandidate } from './engine-types.js';

/** The submitted parts of a collect step, by participant (what the `parts` scope and the `partsMatch` guard read). */
export type PartsByStep = Record<
  string,
  { parts: Record<string, { status: string; data: Record<string, unknown> }> } | undefined
>;

/** What the engine remembers of who is involved, to resolve scopes without a directory. */
export type Parties = {
  subject: Subject;
  /** The instance's form data, for the `listed` scope. */
  data?: Record<string, unknown>;
  initiatorId: string;
  assignments: Partial<Record<TRole, string[]>>;
  /** The collect steps' parts, for the `parts` scope. */
  collections?: PartsByStep;
};

/** The participants of a `parts` rule's collect step whose submitted part says what the rule asks. */
export function partUsers(rule: Pick<TActorRule, 'step' | 'where'>, collections: PartsByStep | undefined): string[] {
  const parts = (rule.step && collections?.[rule.step]?.parts) || {};
  return Object.entries(parts)
    .filter(([, p]) => p.status === 'submitted' && (!rule.where || p.data[rule.where.field] === rule.where.equals))
    .map(([userId]) => userId);
}

/** The organisation a scope points at for this instance: null means "anywhere". */
export function scopeOrg(rule: TActorRule, subject: Subject): string | null | undefined {
  const [district, ...rest] = subject.path;
  switch (rule.scope) {
    case 'subject.school':
      return subject.type === 'school' ? subject.orgId : undefined;
    case 'subject.group':
      // For a school subject the group is the level above it; a group subject is its own group.
      return subject.type === 'group' ? subject.orgId : subject.type === 'school' ? rest[0] : undefined;
    case 'subject.members':
    case 'listed':
      return undefined;
    case 'district':
      return district;
    case 'any':
      return null;
    default:
      return undefined;
  }
}

/** The organisations a `listed` rule points at: the ids in the instance's form field. */
export function listedOrgs(rule: TActorRule, parties: Parties): string[] {
  const v = rule.field ? parties.data?.[rule.field] : undefined;
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : typeof v === 'string' ? [v] : [];
}

/** Does the actor satisfy the rule for this instance? */
export function matchesRule(actor: Actor, rule: TActorRule, parties: Parties): boolean {
  const grants = actor.roles.filter((g) => g.role === rule.role);
  if (grants.length === 0) return false;
  switch (rule.scope) {
    case 'assigned':
      return (parties.assignments[rule.role] ?? []).includes(actor.userId);
    case 'initiator':
      return parties.initiatorId === actor.userId;
    case 'subject.members':
      return grants.some((g) => parties.subject.members?.includes(g.orgId));
    case 'listed':
      return grants.some((g) => listedOrgs(rule, parties).includes(g.orgId));
    case 'parts':
      return partUsers(rule, parties.collections).includes(actor.userId);
    default: {
      const org = scopeOrg(rule, parties.subject);
      if (org === undefined) return false;
      return org === null || grants.some((g) => g.orgId === org);
    }
  }
}

export const matchesAny = (actor: Actor, rules: TActorRule[], parties: Parties) =>
  rules.some((r) => matchesRule(actor, r, parties));

/** Who may pick up a task governed by these rules: users by id, or holders of a role at an organisation. */
export function candidatesFor(rules: TActorRule[], parties: Parties): TaskCandidate[] {
  const out: TaskCandidate[] = [];
  for (const rule of rules) {
    if (rule.scope === 'assigned') for (const userId of parties.assignments[rule.role] ?? []) out.push({ userId });
    else if (rule.scope === 'initiator') out.push({ userId: parties.initiatorId });
    else if (rule.scope === 'subject.members')
      for (const orgId of parties.subject.members ?? []) out.push({ role: rule.role, orgId });
    else if (rule.scope === 'listed')
      for (const orgId of listedOrgs(rule, parties)) out.push({ role: rule.role, orgId });
    else if (rule.scope === 'parts') for (const userId of partUsers(rule, parties.collections)) out.push({ userId });
    else {
      const org = scopeOrg(rule, parties.subject);
      if (org !== undefined) out.push({ role: rule.role, orgId: org });
    }
  }
  return out;
}

/** The scheduler acting on a timer: it holds no role and only TIMER events accept it. */
export const SYSTEM_ACTOR: Actor = { userId: 'system', roles: [] };
