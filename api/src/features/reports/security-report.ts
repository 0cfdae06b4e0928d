import { and, count, eq, sql } from 'drizzle-orm';
import type { AppAbility } from '../../auth/ability.js';
import type { TAuthUser } from '../../auth/user.js';
import { findings, instances, organisations } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import { readableOf } from './report-scope.js';
import { familyOf } from '../workflow-rules/families.js';
import { createdWithin, schoolSubjectIn } from './report-filters.js';
import type { TRoundQuery, TSecurityReport } from './reports.types.js';

/** Findings of a round by layer, severity and school, open and overdue, repeats: all SQL aggregates over readable instances. */
export function securityReport(deps: Deps, input: { user: TAuthUser; ability: AppAbility } & TRoundQuery): TSecurityReport {
  const now = deps.clock().toISOString();
  // The dashboard's filters narrow the inspected school's instances (an inspection's subject is the school).
  const where = and(
    readableOf({ ...input, family: familyOf(deps, 'findingsLedger') }),
    input.round ? eq(findings.round, input.round) : undefined,
    ...schoolSubjectIn(input),
    ...createdWithin(input),
  );
  const open = sql<number>`sum(case when ${findings.status} = 'open' then 1 else 0 end)`;
  const overdue = sql<number>`sum(case when ${findings.status} = 'open' and ${findings.rectifiedAt} is null and ${findings.dueAt} < ${now} then 1 else 0 end)`;
  const repeats = sql<number>`sum(case when ${findings.repeat} then 1 else 0 end)`;
  const escalated = sql<number>`sum(case when ${findings.escalatedAt} is not null then 1 else 0 end)`;
  const totals = deps.db.select({ total: count(), open, overdue, escalated, repeats }).from(findings).innerJoin(instances, eq(instances.id, findings.instanceId)).where(where).get();
  const byLayer = deps.db
    .select({ layer: findings.layer, count: count(), open })
    .from(findings)
    .innerJoin(instances, eq(instances.id, findings.instanceId))
    .where(where)
    .groupBy(findings.layer)
    .orderBy(findings.layer)
    .all();
  const bySeverity = deps.db
    .select({ severity: findings.severity, count: count(), open })
    .from(findings)
    .innerJoin(instances, eq(instances.id, findings.instanceId))
    .where(where)
    .groupBy(findings.severity)
    .all();
  const perSchool = deps.db
    .select({ schoolId: findings.schoolId, schoolName: organisations.name, findings: count(), open, overdue, repeats })
    .from(findings)
    .innerJoin(instances, eq(instances.id, findings.instanceId))
    .innerJoin(organisations, eq(organisations.id, findings.schoolId))
    .where(where)
    .groupBy(findings.schoolId)
    .orderBy(sql`4 desc`, organisations.name)
    .all();
  const num = (v: unknown) => Number(v ?? 0);
  return {
    round: input.round ?? null,
    totalFindings: num(totals?.total),
    openFindings: num(totals?.open),
    overdueFindings: num(totals?.overdue),
    escalatedFindings: num(totals?.escalated),
    repeats: num(totals?.repeats),
    byLayer: byLayer.map((r) => ({ layer: r.layer, count: num(r.count), open: num(r.open) })),
    bySeverity: bySeverity.map((r) => ({ severity: r.severity, count: num(r.count), open: num(r.open) })),
    perSchool: perSchool.map((r) => ({ schoolId: r.schoolId, schoolName: r.schoolName, findings: num(r.findings), open: num(r.open), overdue: num(r.overdue), repeats: num(r.repeats) })),
  };
}
