import { inArray, type SQL, sql } from 'drizzle-orm';

import type { AppAbility } from '../../auth/ability.js';
import { rulesToWhere } from '../../auth/ability-sql.js';
import type { TAuthUser } from '../../auth/user.js';
import { instances, organisations } from '../../db/schema.js';
import { noIndex, sqlFalse, sqlTrue, type TOn } from '../../db/sql-dialect.js';
import type { Db } from '../../db/view.js';
import type { Deps } from '../../deps.js';
import { instanceFields } from '../instances/instance-subject.js';
import { inFamily } from '../workflow-rules/families.js';

const DISTRICT_WIDE = new Set(['bureauAdmin', 'bureauReviewer', 'auditor']);

/**
 * The instances of a family of workflows (those declaring a block, see families.ts) the caller may read, as
 * one SQL condition. `scopeLeads`: the reader's own instances (their school's, those they take part in) are
 * few, so the planner is kept off the family's (definition_id, …) indexes, which would walk a whole period.
 */
export function readableOf(input: {
  db: Db;
  user: TAuthUser;
  ability: AppAbility;
  family: Array<{ id: string }>;
  scopeLeads?: boolean;
}): SQL {
  return sql`${familyOnly(input.db, input.family, input.scopeLeads)} and ${rulesToWhere(input.ability, 'read', 'Instance', instanceFields(input.user, input.db))}`;
}

/** `instances.definition_id` in the family; with `scopeLeads`, as a filter the planner cannot walk (unary +). */
export const familyOnly = (on: TOn, family: Array<{ id: string }>, scopeLeads = false): SQL =>
  scopeLeads && family.length
    ? sql`${noIndex(on, instances.definitionId)} in ${family.map((m) => m.id)}`
    : inFamily(family);

/**
 * Schools whose rows a per-school breakdown may show: all for bureau roles and auditors; otherwise the
 * schools the caller holds a role at, and the members of groups they lead (a principal sees only their school).
 */
export async function visibleSchools(deps: Pick<Deps, 'db'>, user: TAuthUser): Promise<Set<string> | null> {
  if (user.roles.some((g) => DISTRICT_WIDE.has(g.role))) return null;
  const own = user.roles.map((g) => g.orgId);
  const groups = user.roles.filter((g) => g.role === 'groupLead').map((g) => g.orgId);
  const members = groups.length
    ? (
        await deps.db
          .select({ id: organisations.id })
          .from(organisations)
          .where(inArray(organisations.parentId, groups))
      ).map((o) => o.id)
    : [];
  return new Set([...own, ...members]);
}

export const schoolFilter = (column: SQL | typeof instances.subjectOrgId, schools: Set<string> | null): SQL =>
  schools === null ? sqlTrue : schools.size === 0 ? sqlFalse : sql`${column} in ${[...schools]}`;
