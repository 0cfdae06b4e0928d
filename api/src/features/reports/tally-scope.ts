import { eq, inArray, type SQL, sql } from 'drizzle-orm';

import type { AppAbility } from '../../auth/ability.js';
import type { TAuthUser } from '../../auth/user.js';
import { instances, organisations } from '../../db/schema.js';
import type { TOn } from '../../db/sql-dialect.js';
import type { Deps } from '../../deps.js';
import { instanceFields } from '../instances/instance-subject.js';
import type { TOverviewQuery } from './overview.types.js';

/** Organisations whose tallies to sum, and the instances beyond them (as a participant) to count from rows. */
export type TTallyScope = { orgs: string[]; beyond: SQL | null };

/** Instance columns a read rule may name for its instances to be exactly one organisation's tally. */
const ORG_FIELDS = ['subjectOrgId', 'subjectGroupId', 'districtId'] as const;
type TOrgField = (typeof ORG_FIELDS)[number];

/**
 * The organisations whose tallies (instance_tallies, open_task_tallies) count exactly the instances this
 * reader may read under the dashboard's filters — plus, for the rule everyone has (people named on an
 * instance may open it), the SQL of those instances outside the organisations — or null when the read
 * rules are not a set of organisations (authors, participants only, several kinds of scope at once): the
 * caller then counts rows, which for those readers are their own few.
 *
 * A tally at an organisation holds the instances whose subject, subject's group or district it is — the
 * same rows `subjectOrgId`, `subjectGroupId` or `districtId` IN (…) select — so a rule of one such field
 * maps to its list, and an unconditional rule to every district.
 */
export async function tallyScope(
  deps: Pick<Deps, 'db'>,
  user: TAuthUser,
  ability: AppAbility,
  query: TOverviewQuery,
): Promise<TTallyScope | null> {
  const rules = ability.rulesFor('read', 'Instance');
  if (rules.length === 0 || rules.some((r) => r.inverted || r.fields)) return null;
  let field: TOrgField | 'all' | null = null;
  let asParticipant = false;
  const ids = new Set<string>();
  for (const rule of rules) {
    if (!rule.conditions) {
      field = 'all';
      continue;
    }
    const entries = Object.entries(rule.conditions as Record<string, unknown>);
    if (entries.length === 1 && entries[0]?.[0] === 'participantIds' && entries[0][1] === user.id) {
      asParticipant = true;
      continue;
    }
    const [key, cond] = entries[0] ?? [];
    const values = (cond as { $in?: unknown } | undefined)?.$in;
    if (entries.length !== 1 || !ORG_FIELDS.includes(key as TOrgField) || !Array.isArray(values)) return null;
    if (field !== 'all') {
      if (field !== null && field !== key) return null;
      field = key as TOrgField;
    }
    for (const v of values) ids.add(String(v));
  }
  // A group's or district's tally also holds its members' instances: only schools' tallies are exact for subjectOrgId.
  if (field === 'subjectOrgId' && ids.size > 0) {
    const types = await deps.db
      .select({ type: organisations.type })
      .from(organisations)
      .where(inArray(organisations.id, [...ids]));
    if (types.length !== ids.size || types.some((o) => o.type !== 'school')) return null;
  }
  if (field === null) return null;
  const { schoolId, groupId } = query;
  if (schoolId && groupId) return null;
  if (field === 'all') {
    if (schoolId || groupId) return { orgs: [(schoolId ?? groupId) as string], beyond: null };
    return {
      orgs: (
        await deps.db.select({ id: organisations.id }).from(organisations).where(eq(organisations.type, 'district'))
      ).map((o) => o.id),
      beyond: null,
    };
  }
  // Narrowed to one school or group, a participant's other instances are filtered like the rest: count rows.
  if (asParticipant && (schoolId || groupId)) return null;
  const beyond = asParticipant ? participatingBeyond(deps.db, user, field, [...ids]) : null;
  if (!schoolId && !groupId) return { orgs: [...ids], beyond };
  const wanted = (schoolId ?? groupId) as string;
  if (ids.has(wanted)) return { orgs: [wanted], beyond };
  // A group lead narrowing to one member school: that school's tally, when its group is theirs.
  if (field === 'subjectGroupId' && schoolId) {
    const school = (
      await deps.db
        .select({ parentId: organisations.parentId })
        .from(organisations)
        .where(eq(organisations.id, schoolId))
        .limit(1)
    )[0];
    return { orgs: school?.parentId && ids.has(school.parentId) ? [schoolId] : [], beyond };
  }
  return field === 'subjectOrgId' && groupId ? null : { orgs: [], beyond };
}

const COLUMN = {
  subjectOrgId: instances.subjectOrgId,
  subjectGroupId: instances.subjectGroupId,
  districtId: instances.districtId,
};

/** Instances the reader takes part in outside their organisations: counted from rows, they are the reader's own few. */
function participatingBeyond(on: TOn, user: TAuthUser, field: TOrgField, orgs: string[]): SQL {
  const participant = (instanceFields(user, on).participantIds as (op: 'in', values: unknown[]) => SQL)('in', [
    user.id,
  ]);
  return orgs.length ? sql`${participant} and coalesce(${COLUMN[field]} not in ${orgs}, true)` : participant;
}
