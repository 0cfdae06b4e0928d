import { and, eq, sql } from 'drizzle-orm';
import type { AppAbility } from '../../auth/ability.js';
import type { TAuthUser } from '../../auth/user.js';
import { instances, organisations } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import { rank } from '../../domain.js';
import { readableOf } from './report-scope.js';
import { createdWithin, schoolSubjectIn } from './report-filters.js';
import type { TAwardReport, TYearQuery } from './reports.types.js';

/** Awards of a year by level, and the scored submissions ranked within each category. */
export function awardReport(deps: Deps, input: { user: TAuthUser; ability: AppAbility } & TYearQuery): TAwardReport {
  const year = input.year ?? deps.clock().toISOString().slice(0, 4);
  // A submission's subject is its school: the dashboard's filters narrow by school / group and creation date within the year.
  const where = and(
    readableOf(deps, { ...input, key: 'teaching-award' }),
    sql`substr(${instances.createdAt}, 1, 4) = ${year}`,
    ...schoolSubjectIn(input),
    ...createdWithin(input),
  );
  const level = sql<string | null>`json_extract(${instances.data}, '$.level')`;
  const byLevel = deps.db
    .select({ level, count: sql<number>`count(*)` })
    .from(instances)
    .where(and(where, sql`${instances.state} in ('publicNotice', 'objectionReview', 'awarded')`, sql`${level} is not null`))
    .groupBy(level)
    .all();
  const rows = deps.db
    .select({
      instanceId: instances.id,
      category: sql<string>`coalesce(json_extract(${instances.data}, '$.category'), '')`,
      title: sql<string>`coalesce(json_extract(${instances.data}, '$.title'), '')`,
      schoolId: instances.subjectOrgId,
      schoolName: organisations.name,
      state: instances.state,
      score: sql<number>`json_extract(${instances.data}, '$.finalScore')`,
      level,
    })
    .from(instances)
    .innerJoin(organisations, eq(organisations.id, instances.subjectOrgId))
    .where(and(where, sql`json_extract(${instances.data}, '$.finalScore') is not null`))
    .limit(1000)
    .all();
  const categories = [...new Set(rows.map((r) => r.category))].sort();
  return {
    year,
    byLevel: byLevel.map((r) => ({ level: r.level ?? '', count: Number(r.count) })),
    ranking: categories.map((category) => ({ category, items: rank(rows.filter((r) => r.category === category).map((r) => ({ ...r, score: Number(r.score) }))) })),
  };
}
