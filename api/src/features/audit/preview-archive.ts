import { ForbiddenError } from '@casl/ability';
import { eq, gte, min, sql } from 'drizzle-orm';

import { chainAnchor } from '../../audit/anchor.js';
import { auditHead } from '../../audit/checkpoints.js';
import { AUDIT_RETENTION_DAYS, cutoffInstant, latestCutoffDate } from '../../audit/retention.js';
import type { AppAbility } from '../../auth/ability.js';
import { type Db, dialectOf } from '../../db/client.js';
import { auditEvents } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import type { TArchivePreview } from './audit.types.js';

/** SQLite is told the `at` index: its planner would otherwise walk seq from the start looking for the date. */
export const FIRST_KEPT_SQL = 'select min(seq) as seq from audit_events indexed by audit_at_idx where at >= ?';

/** The lowest seq at or after the cut-off (PostgreSQL picks the `at` index from its own statistics). */
async function firstKeptSeq(db: Db, cutoff: string): Promise<number | null> {
  if (dialectOf(db) === 'sqlite')
    return (
      (await db.get<{ seq: number | null }>(sql`${sql.raw(FIRST_KEPT_SQL.replace(/\?$/, ''))}${cutoff}`))?.seq ?? null
    );
  return (
    (
      await db
        .select({ seq: min(auditEvents.seq) })
        .from(auditEvents)
        .where(gte(auditEvents.at, cutoff))
    )[0]?.seq ?? null
  );
}

/**
 * What archiving before a date would move out of the table, for the auditor to confirm: the events from the
 * anchor up to the first one at or after the cut-off — the same rule the archive applies (a contiguous run
 * of the chain; a back-dated event further on does not count). The first such event is the lowest seq in
 * the `at` index from the cut-off on: the scan covers only the events of the retention window, never the
 * years of history before it, then point lookups.
 */
export async function previewArchive(
  deps: Deps,
  input: { ability: AppAbility; before?: string },
): Promise<TArchivePreview> {
  ForbiddenError.from(input.ability).throwUnlessCan('archive', 'AuditEvent');
  const latestBefore = latestCutoffDate(deps.clock());
  const before = input.before ?? latestBefore;
  const cutoff = cutoffInstant(before);
  const fromSeq = (await chainAnchor(deps.db)).seq + 1;
  const head = (await auditHead(deps.db))?.seq ?? fromSeq - 1;
  const boundary = (await firstKeptSeq(deps.db, cutoff)) ?? head + 1;
  const throughSeq = boundary - 1;
  const count = Math.max(0, throughSeq - fromSeq + 1);
  const atOf = async (seq: number) =>
    (await deps.db.select({ at: auditEvents.at }).from(auditEvents).where(eq(auditEvents.seq, seq)).limit(1))[0]?.at ??
    null;
  return {
    before,
    cutoff,
    latestBefore,
    retentionDays: AUDIT_RETENTION_DAYS,
    allowed: before <= latestBefore,
    count,
    fromSeq: count > 0 ? fromSeq : null,
    throughSeq: count > 0 ? throughSeq : null,
    firstAt: count > 0 ? await atOf(fromSeq) : null,
    lastAt: count > 0 ? await atOf(throughSeq) : null,
  };
}
