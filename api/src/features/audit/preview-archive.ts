import { ForbiddenError } from '@casl/ability';

import { chainAnchor } from '../../audit/anchor.js';
import { auditHead } from '../../audit/checkpoints.js';
import { AUDIT_RETENTION_DAYS, cutoffInstant, latestCutoffDate } from '../../audit/retention.js';
import type { AppAbility } from '../../auth/ability.js';
import type { Deps } from '../../deps.js';
import type { TArchivePreview } from './audit.types.js';

export const FIRST_KEPT_SQL = 'select min(seq) as seq from audit_events indexed by audit_at_idx where at >= ?';

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
  const sqlite = deps.db.$client;
  const fromSeq = chainAnchor(deps.db).seq + 1;
  const head = (await auditHead(deps.db))?.seq ?? fromSeq - 1;
  const boundary = sqlite.prepare<[string], { seq: number | null }>(FIRST_KEPT_SQL).get(cutoff)?.seq ?? head + 1;
  const throughSeq = boundary - 1;
  const count = Math.max(0, throughSeq - fromSeq + 1);
  const atOf = sqlite.prepare<[number], { at: string }>('select at from audit_events where seq = ?');
  return {
    before,
    cutoff,
    latestBefore,
    retentionDays: AUDIT_RETENTION_DAYS,
    allowed: before <= latestBefore,
    count,
    fromSeq: count > 0 ? fromSeq : null,
    throughSeq: count > 0 ? throughSeq : null,
    firstAt: count > 0 ? (atOf.get(fromSeq)?.at ?? null) : null,
    lastAt: count > 0 ? (atOf.get(throughSeq)?.at ?? null) : null,
  };
}
