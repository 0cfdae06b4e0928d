import { and, eq, ne } from 'drizzle-orm';
import { z } from 'zod';

import { findings } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import {
  addWorkdays,
  findingsFromItems,
  findingsFromRaised,
  type InspectionItem,
  type RaisedFinding,
  type SeverityRules,
  type VerdictRow,
} from '../../engine.js';
import { filterInTurn } from '../../lib/in-turn.js';
import { calendarFor } from '../calendar/get-calendar.js';
import {
  cancelFindingDeadline,
  cancelFindingDeadlines,
  escalateFinding,
  scheduleFindingDeadline,
} from '../findings/finding-deadline.js';

const ZItems = z.array(
  z.object({
    code: z.string(),
    layer: z.string(),
    title: z.string(),
    result: z.enum(['pass', 'fail', 'na']).optional().catch(undefined),
    severity: z.enum(['high', 'medium', 'low']).optional().catch(undefined),
    note: z.string().optional().catch(undefined),
    offline: z.boolean().optional().catch(undefined),
  }),
);
/** The checklist rows of an inspection, as stored; malformed cells read as unanswered. */
export const inspectionItems = (v: unknown): InspectionItem[] => ZItems.catch([]).parse(v);

/**
 * Each failed item becomes a finding row with its deadline — the one the inspector set on its row of the
 * findings field, else its severity's (5/10/20 school working days) — flagged as a repeat when the same item
 * failed at this school in an earlier round.
 */
export async function raiseFindings(
  deps: Pick<Deps, 'db'>,
  input: {
    instanceId: string;
    schoolId: string;
    districtId: string;
    items: unknown;
    round: string;
    now: Date;
    /** The findings field's rows (completed before the engine decided) and the severities it declares. */
    raised?: { rows: RaisedFinding[]; rules: SeverityRules };
  },
) {
  const earlier = (
    await deps.db
      .selectDistinct({ code: findings.itemCode })
      .from(findings)
      .where(and(eq(findings.schoolId, input.schoolId), ne(findings.instanceId, input.instanceId)))
  ).map((r) => r.code);
  const items = inspectionItems(input.items);
  const list = input.raised
    ? findingsFromRaised(items, input.raised.rows, input.raised.rules, earlier)
    : findingsFromItems(items, earlier);
  const at = input.now.toISOString();
  // Deadlines count the district's school working days (holidays, make-up days, vacations).
  const calendar = await calendarFor(deps, input.districtId);
  for (const f of list) {
    const dueAt = addWorkdays(calendar, input.now, f.workdays).toISOString();
    await deps.db
      .insert(findings)
      .values({
        instanceId: input.instanceId,
        schoolId: input.schoolId,
        round: input.round,
        itemCode: f.itemCode,
        layer: f.layer,
        title: f.title,
        severity: f.severity,
        workdays: f.workdays,
        dueAt,
        offlineOrdered: f.offlineOrdered,
        noticeNo: f.noticeNo ?? null,
        repeat: f.repeat,
        status: 'open',
        createdAt: at,
      })
      .onConflictDoNothing();
    await scheduleFindingDeadline(deps, input.instanceId, f.itemCode, dueAt);
  }
  return list;
}

/** The school handed its rectification in: its open findings wait on the inspector, not on the school. */
export async function markRectified(deps: Pick<Deps, 'db'>, instanceId: string, now: Date) {
  await deps.db
    .update(findings)
    .set({ rectifiedAt: now.toISOString() })
    .where(and(eq(findings.instanceId, instanceId), eq(findings.status, 'open')));
}

/**
 * The inspector returned the rectification. With verdicts per finding, the accepted ones close and only the
 * returned ones go back (with the reason, their evidence due again); without, every open finding goes back.
 * The school's deadlines run again: a returned finding whose deadline passed meanwhile was skipped by its
 * timer (it was handed in), so it escalates now, once.
 */
export async function reopenRectification(deps: Deps, instanceId: string, verdicts?: VerdictRow[], comment?: string) {
  const now = deps.clock().toISOString();
  const accepted = new Set((verdicts ?? []).filter((v) => v.verdict === 'accepted').map((v) => v.code));
  const reasons = new Map((verdicts ?? []).map((v) => [v.code, v.note?.trim() || comment || null]));
  const open = await deps.db
    .select({ itemCode: findings.itemCode, dueAt: findings.dueAt })
    .from(findings)
    .where(and(eq(findings.instanceId, instanceId), eq(findings.status, 'open')));
  const closed: string[] = [];
  const returned: string[] = [];
  for (const f of open) {
    const where = and(eq(findings.instanceId, instanceId), eq(findings.itemCode, f.itemCode));
    if (accepted.has(f.itemCode)) {
      await deps.db.update(findings).set({ status: 'closed', closedAt: now }).where(where);
      await cancelFindingDeadline(deps, instanceId, f.itemCode, now);
      closed.push(f.itemCode);
    } else {
      const note = reasons.get(f.itemCode) ?? comment ?? null;
      await deps.db.update(findings).set({ rectifiedAt: null, returnedAt: now, returnNote: note }).where(where);
      returned.push(f.itemCode);
    }
  }
  const escalated = (
    await filterInTurn(
      open,
      async (f) =>
        returned.includes(f.itemCode) && f.dueAt < now && (await escalateFinding(deps, instanceId, f.itemCode)),
    )
  ).map((f) => f.itemCode);
  return { closed, returned, escalated };
}

/** The verification accepted the rectification: the instance's findings are closed. */
export async function closeFindings(deps: Pick<Deps, 'db'>, instanceId: string, now: Date) {
  await deps.db
    .update(findings)
    .set({ status: 'closed', closedAt: now.toISOString() })
    .where(and(eq(findings.instanceId, instanceId), eq(findings.status, 'open')));
  await cancelFindingDeadlines(deps, instanceId, now);
}
