import { and, eq, inArray, lt, or, type SQL, sql } from 'drizzle-orm';

import { findings, findingSchoolTallies, findingTallies, instances, organisations } from '../../db/schema.js';
import { noIndex } from '../../db/sql-dialect.js';
import type { Deps } from '../../deps.js';
import type { TSecurityReport } from './reports.types.js';

/** The security report's figures before school names are attached; summed from tallies, rows, or both. */
export type TFindingFigures = {
  byCell: Map<string, { layer: string; severity: string; n: number; open: number; escalated: number; repeats: number }>;
  bySchool: Map<string, { n: number; open: number; overdue: number; repeats: number }>;
};

export const emptyFigures = (): TFindingFigures => ({ byCell: new Map(), bySchool: new Map() });

function addCell(
  f: TFindingFigures,
  layer: string,
  severity: string,
  v: { n: number; open: number; escalated: number; repeats: number },
) {
  const key = `${layer}\u0000${severity}`;
  const cell = f.byCell.get(key) ?? { layer, severity, n: 0, open: 0, escalated: 0, repeats: 0 };
  f.byCell.set(key, {
    layer,
    severity,
    n: cell.n + v.n,
    open: cell.open + v.open,
    escalated: cell.escalated + v.escalated,
    repeats: cell.repeats + v.repeats,
  });
}
function addSchool(
  f: TFindingFigures,
  schoolId: string,
  v: { n: number; open: number; overdue: number; repeats: number },
) {
  const s = f.bySchool.get(schoolId) ?? { n: 0, open: 0, overdue: 0, repeats: 0 };
  f.bySchool.set(schoolId, {
    n: s.n + v.n,
    open: s.open + v.open,
    overdue: s.overdue + v.overdue,
    repeats: s.repeats + v.repeats,
  });
}

// A finding is overdue while open, not handed in for verification, and past its deadline: it moves with the clock.
const overdueNow = (now: string): SQL =>
  sql`${findings.status} = 'open' and ${findings.rectifiedAt} is null and ${findings.dueAt} < ${now}`;

/**
 * The findings of the instances `where` selects (in one round, or every round when null), summed here
 * rather than grouped in SQL: the rows come off an index bounded by the round, the date window or the
 * reader's own instances, and a GROUP BY would sort them again in a temporary b-tree.
 */
export async function figuresFromRows(
  deps: Pick<Deps, 'db'>,
  where: SQL,
  round: string | null,
  now: string,
  into = emptyFigures(),
  scopeLeads = false,
): Promise<TFindingFigures> {
  const rows = await deps.db
    .select({
      schoolId: findings.schoolId,
      layer: findings.layer,
      severity: findings.severity,
      open: sql<number>`${findings.status} = 'open'`,
      overdue: sql<number>`${overdueNow(now)}`,
      escalated: sql<number>`${findings.escalatedAt} is not null`,
      repeat: findings.repeat,
    })
    .from(findings)
    .innerJoin(instances, eq(instances.id, findings.instanceId))
    // A reader of their own few inspections is led by those, not by the round's every finding.
    .where(
      and(
        where,
        round === null
          ? undefined
          : scopeLeads
            ? sql`${noIndex(deps.db, findings.round)} = ${round}`
            : eq(findings.round, round),
      ),
    );
  for (const r of rows) {
    const v = { n: 1, open: Number(r.open), escalated: Number(r.escalated), repeats: r.repeat ? 1 : 0 };
    addCell(into, r.layer, r.severity, v);
    addSchool(into, r.schoolId, { n: 1, open: v.open, overdue: Number(r.overdue), repeats: v.repeats });
  }
  return into;
}

/**
 * The figures of these organisations' instances of the family (ADR 0016's organisations: the inspected
 * school, its group, its district) from finding_tallies and finding_school_tallies, plus "overdue" from
 * the open findings not handed in whose deadline passed (findings_overdue_idx: today's backlog).
 */
export async function figuresFromTallies(
  deps: Pick<Deps, 'db'>,
  orgs: string[],
  family: string[],
  round: string | null,
  now: string,
): Promise<TFindingFigures> {
  const f = emptyFigures();
  if (orgs.length === 0 || family.length === 0) return f;
  const grain = round === null ? 'all' : 'round';
  const key = <T extends typeof findingTallies | typeof findingSchoolTallies>(t: T) =>
    and(inArray(t.orgId, orgs), eq(t.grain, grain), eq(t.round, round ?? ''), inArray(t.definitionId, family));
  for (const r of await deps.db.select().from(findingTallies).where(key(findingTallies)))
    if (r.n !== 0) addCell(f, r.layer, r.severity, r);
  for (const r of await deps.db.select().from(findingSchoolTallies).where(key(findingSchoolTallies)))
    if (r.n !== 0) addSchool(f, r.schoolId, { ...r, overdue: 0 });
  const overdue = await deps.db
    .select({ schoolId: findings.schoolId })
    .from(findings)
    .innerJoin(instances, eq(instances.id, findings.instanceId))
    .where(
      and(
        // Written out as the partial index's own condition, so the planner can prove it may use it.
        sql`${findings.status} = 'open' and ${findings.rectifiedAt} is null`,
        lt(findings.dueAt, now),
        round === null ? undefined : eq(findings.round, round),
        // Unary + keeps the planner off the instances' indexes (a school's or a version's whole history):
        // the open findings past due lead, and each one's instance is looked up by id.
        inArray(noIndex(deps.db, instances.definitionId), family),
        or(
          inArray(noIndex(deps.db, instances.subjectOrgId), orgs),
          inArray(noIndex(deps.db, instances.subjectGroupId), orgs),
          inArray(noIndex(deps.db, instances.districtId), orgs),
        ),
      ),
    );
  for (const r of overdue) addSchool(f, r.schoolId, { n: 0, open: 0, overdue: 1, repeats: 0 });
  return f;
}

/** The report's shape: totals, by layer, by severity, and per school (most open first) with names. */
export async function toReport(
  deps: Pick<Deps, 'db'>,
  f: TFindingFigures,
  round: string | null,
  rounds: string[],
): Promise<TSecurityReport> {
  const cells = [...f.byCell.values()].filter((c) => c.n !== 0);
  const sum = (pick: (c: (typeof cells)[number]) => number) => cells.reduce((s, c) => s + pick(c), 0);
  const per = (by: (c: (typeof cells)[number]) => string) => {
    const m = new Map<string, { count: number; open: number }>();
    for (const c of cells) {
      const prior = m.get(by(c)) ?? { count: 0, open: 0 };
      m.set(by(c), { count: prior.count + c.n, open: prior.open + c.open });
    }
    return [...m].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  };
  const schools = [...f.bySchool].filter(([, s]) => s.n !== 0);
  const names = new Map(
    schools.length
      ? (
          await deps.db
            .select({ id: organisations.id, name: organisations.name })
            .from(organisations)
            .where(
              inArray(
                organisations.id,
                schools.map(([id]) => id),
              ),
            )
        ).map((o) => [o.id, o.name])
      : [],
  );
  return {
    round,
    rounds,
    totalFindings: sum((c) => c.n),
    openFindings: sum((c) => c.open),
    overdueFindings: schools.reduce((s, [, v]) => s + v.overdue, 0),
    escalatedFindings: sum((c) => c.escalated),
    repeats: sum((c) => c.repeats),
    byLayer: per((c) => c.layer).map(([layer, v]) => ({ layer, ...v })),
    bySeverity: per((c) => c.severity).map(([severity, v]) => ({ severity, ...v })),
    perSchool: schools
      .flatMap(([schoolId, v]) =>
        names.has(schoolId)
          ? [
              {
                schoolId,
                schoolName: names.get(schoolId) as string,
                findings: v.n,
                open: v.open,
                overdue: v.overdue,
                repeats: v.repeats,
              },
            ]
          : [],
      )
      .sort((a, b) => b.open - a.open || (a.schoolName < b.schoolName ? -1 : a.schoolName > b.schoolName ? 1 : 0)),
  };
}
