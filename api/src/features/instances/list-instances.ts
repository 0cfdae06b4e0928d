import { and, eq, gte, inArray, lt, lte, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';

import type { AppAbility } from '../../auth/ability.js';
import { rulesToWhereParts } from '../../auth/ability-sql.js';
import type { TAuthUser } from '../../auth/user.js';
import { definitions, instances, organisations } from '../../db/schema.js';
import { noIndex } from '../../db/sql-dialect.js';
import type { Deps } from '../../deps.js';
import { AppError } from '../../errors.js';
import { dateBound } from '../../lib/date-bound.js';
import { resolveSort, sortedUnionPage, type SortSpec } from '../../lib/sorted-keyset.js';
import { definitionsById, stateName } from '../definitions/definitions-by-id.js';
import { familyOf, inFamily } from '../workflow-rules/families.js';
import { instanceFields } from './instance-subject.js';
import type { TInstanceListItem, TInstanceListQuery } from './instances.types.js';
import { inNoticeStep, isNoticeStep, notInNoticeStep } from './notice-period.js';
import { titleSearch } from './title-search.js';

/** The instance list's sortable columns, each with a (column, id) index for unscoped readers (migration 0009). */
export const INSTANCE_SORT: SortSpec<'updatedAt' | 'createdAt' | 'dueAt' | 'state'> = {
  fields: {
    updatedAt: { column: instances.updatedAt },
    createdAt: { column: instances.createdAt },
    dueAt: { column: instances.dueAt, nullable: true },
    state: { column: instances.state },
  },
  id: instances.id,
  defaultSort: 'updatedAt',
  defaultOrder: 'desc',
};

const requester = alias(organisations, 'requester');

/** Newest activity first unless ?sort= says otherwise, keyset-paginated on (column, id); CASL read rules in SQL. */
export async function listInstances(
  deps: Deps,
  input: { user: TAuthUser; ability: AppAbility; query: TInstanceListQuery },
) {
  const q = input.query;
  const now = deps.clock().toISOString();
  // One scope per read rule (their own requests, their school's, where they take part), each paged on its
  // own index and merged (ADR 0021); a requester's own have a (created_by, sort column, id) index per sort.
  const scopes = rulesToWhereParts(input.ability, 'read', 'Instance', instanceFields(input.user, deps.db)).map((p) => ({
    where: p.where,
    ownIndex: p.on === 'createdBy',
  }));
  const where: SQL[] = [];
  if (q.definitionKey) {
    const ids = await deps.db
      .select({ id: definitions.id })
      .from(definitions)
      .where(eq(definitions.key, q.definitionKey));
    where.push(
      inArray(
        instances.definitionId,
        ids.map((d) => d.id),
      ),
    );
  }
  if (q.block) where.push(inFamily(await familyOf(deps, q.block)));
  // A scoped reader's scope (their school, group, tasks) is the selective part; a `+` keeps SQLite from
  // preferring the state index, which would walk most of the district. Unscoped readers use (state, updated_at).
  const scoped = !input.ability.rulesFor('read', 'Instance').some((r) => !r.conditions && !r.inverted);
  if (q.state)
    where.push(scoped ? sql`${noIndex(deps.db, instances.state)} = ${q.state}` : eq(instances.state, q.state));
  if (q.status) where.push(eq(instances.status, q.status));
  // A 公示's end sits in due_at too, but a notice is never overdue: it simply ends.
  if (q.overdue) where.push(eq(instances.status, 'running'), lt(instances.dueAt, now), await notInNoticeStep(deps));
  if (q.notice) where.push(await inNoticeStep(deps, { scoped }));
  const org = q.orgId ? await underOrg(deps, q.orgId) : null;
  if (org) where.push(org.where);
  if (q.from) where.push(gte(instances.createdAt, dateBound(q.from, 'start')));
  if (q.to) where.push(lte(instances.createdAt, dateBound(q.to, 'end')));
  // (created_by, updated_at, id) serves it; the read rules still apply (a teacher who moved school keeps theirs).
  if (q.mine) where.push(eq(instances.createdBy, input.user.id));
  if (q.q) {
    const search = titleSearch(deps.db, q.q, { bounded: scoped || !!q.mine || !!org?.narrow });
    if (search instanceof AppError) throw search;
    where.push(search);
  }
  const plan = resolveSort(INSTANCE_SORT, q, { scoped, db: deps.db });
  // Only the listed columns: the snapshot and form data are JSON that drizzle would parse for every row.
  const read = async (scope: SQL, after: SQL | undefined, orderBy: SQL[], limit: number) =>
    await deps.db
      .select({
        id: instances.id,
        definitionId: instances.definitionId,
        version: instances.version,
        subjectOrgId: instances.subjectOrgId,
        subjectName: organisations.name,
        title: instances.title,
        requesterName: requester.name,
        state: instances.state,
        status: instances.status,
        outcome: instances.outcome,
        updatedAt: instances.updatedAt,
        createdAt: instances.createdAt,
        dueAt: instances.dueAt,
      })
      .from(instances)
      // `+`: the subject's name is looked up per listed row; without it, on a city's statistics SQLite
      // walked every organisation's instances and sorted them all (3–10 s at 1M instances, issue 11).
      .innerJoin(organisations, eq(organisations.id, noIndex(deps.db, instances.subjectOrgId)))
      // A left join keeps instances first in the plan: one primary-key lookup per listed row.
      .leftJoin(requester, eq(requester.id, instances.requesterOrgId))
      .where(and(scope, ...where, after))
      .orderBy(...orderBy)
      .limit(limit);
  const page = await sortedUnionPage(
    plan,
    scopes,
    q.limit,
    read,
    (r) => r[plan.field],
    (r) => r.id,
  );
  const defs = await definitionsById(
    deps,
    page.items.map((r) => r.definitionId),
  );
  const items: TInstanceListItem[] = page.items.map((i) => {
    const ref = defs.get(i.definitionId);
    const notice = isNoticeStep(ref?.def, i.state);
    return {
      id: i.id,
      definitionKey: ref?.key ?? '',
      definitionName: ref?.name ?? { 'zh-CN': '', en: '' },
      definitionVersion: ref?.version ?? 0,
      version: i.version,
      title: i.title ?? ref?.name ?? { 'zh-CN': '', en: '' },
      subjectOrgId: i.subjectOrgId,
      subjectName: i.subjectName,
      requesterName: i.requesterName ?? i.subjectName,
      state: i.state,
      stateName: stateName(ref, i.state),
      status: i.status,
      outcome: i.outcome,
      updatedAt: i.updatedAt,
      createdAt: i.createdAt,
      dueAt: i.dueAt,
      dueKind: i.dueAt === null ? null : notice ? 'notice' : 'task',
      overdue: i.status === 'running' && !notice && i.dueAt !== null && i.dueAt < now,
    };
  });
  return { items, nextCursor: page.nextCursor };
}

/**
 * Instances about an organisation or below it, as one indexed column test (an OR with district_id scanned).
 * `narrow`: a school's or group's, walked off its own index — a district's is everything.
 */
async function underOrg(deps: Deps, orgId: string): Promise<{ where: SQL; narrow: boolean }> {
  const org = (
    await deps.db.select({ type: organisations.type }).from(organisations).where(eq(organisations.id, orgId)).limit(1)
  )[0];
  if (org?.type === 'district') return { where: eq(instances.districtId, orgId), narrow: false };
  if (org?.type === 'group') return { where: eq(instances.subjectGroupId, orgId), narrow: true };
  return { where: eq(instances.subjectOrgId, orgId), narrow: true };
}
