import { and, eq, isNotNull, isNull, lt, type SQL } from 'drizzle-orm';

import type { AppAbility } from '../../auth/ability.js';
import type { TAuthUser } from '../../auth/user.js';
import { findings, instances, organisations, type TFindingRow } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import { resolveSort, sortedPage, type SortSpec } from '../../lib/sorted-keyset.js';
import { readableOf } from '../reports/report-scope.js';
import { familyOf } from '../workflow-rules/families.js';
import type { TFinding, TFindingQuery } from './findings.types.js';

/**
 * Severity sorts by `severity_rank` (high 3, medium 2, low 1; a virtual column with its own (rank, id)
 * index), since the words do not sort by weight: `?sort=severity&order=desc` puts the high ones first.
 */
const FINDING_SORT: SortSpec<'dueAt' | 'createdAt' | 'severity'> = {
  fields: {
    dueAt: { column: findings.dueAt },
    createdAt: { column: findings.createdAt },
    severity: { column: findings.severityRank },
  },
  id: findings.id,
  defaultSort: 'dueAt',
  defaultOrder: 'asc',
};

/** Security findings of the inspections the caller may read, earliest deadline first unless ?sort=, keyset on (column, id). */
export async function listFindings(
  deps: Deps,
  input: { user: TAuthUser; ability: AppAbility; query: TFindingQuery },
): Promise<{ items: TFinding[]; nextCursor: string | null }> {
  const q = input.query;
  const now = deps.clock().toISOString();
  // The list is ordered by a finding's own column: the family of inspection workflows only filters (a
  // walk of the family's instances then sorted every finding of every round: 1 s at 1M, issue 11).
  const where: SQL[] = [
    readableOf({
      db: deps.db,
      user: input.user,
      ability: input.ability,
      family: await familyOf(deps, 'findingsLedger'),
      scopeLeads: true,
    }),
  ];
  if (q.instanceId) where.push(eq(findings.instanceId, q.instanceId));
  if (q.schoolId) where.push(eq(findings.schoolId, q.schoolId));
  if (q.round) where.push(eq(findings.round, q.round));
  if (q.status) where.push(eq(findings.status, q.status));
  if (q.overdue) where.push(eq(findings.status, 'open'), isNull(findings.rectifiedAt), lt(findings.dueAt, now));
  if (q.escalated) where.push(isNotNull(findings.escalatedAt));
  // These narrow the walk along the sort index rather than pick another index: a few words shared by many
  // rows (3 severities, 6 layers) would not pay for an index of their own and would cost a sort step.
  if (q.layer) where.push(eq(findings.layer, q.layer));
  if (q.severity) where.push(eq(findings.severity, q.severity));
  if (q.repeat) where.push(eq(findings.repeat, true));
  if (q.offline) where.push(eq(findings.offlineOrdered, true));
  const plan = resolveSort(FINDING_SORT, q);
  const read = async (after: SQL | undefined, orderBy: SQL[], limit: number) =>
    await deps.db
      .select({ f: findings, schoolName: organisations.name })
      .from(findings)
      .innerJoin(instances, eq(instances.id, findings.instanceId))
      .innerJoin(organisations, eq(organisations.id, findings.schoolId))
      .where(and(...where, after))
      .orderBy(...orderBy)
      .limit(limit);
  const keyOf =
    plan.field === 'severity'
      ? (r: { f: TFindingRow }) => r.f.severityRank
      : (r: { f: TFindingRow }) => r.f[plan.field as 'dueAt' | 'createdAt'];
  const page = await sortedPage(plan, q.limit, read, keyOf, (r) => r.f.id);
  return {
    // The rank is the sort's key, not part of the contract: the severity word says the same.
    items: page.items.map(({ f: { severityRank: _rank, ...f }, schoolName }) => ({
      ...f,
      schoolName,
      overdue: f.status === 'open' && f.rectifiedAt === null && f.dueAt < now,
    })),
    nextCursor: page.nextCursor,
  };
}
