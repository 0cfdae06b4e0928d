import { and, eq, ne } from 'drizzle-orm';
import { z } from 'zod';

import { findings } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import { addWorkdays, findingsFromItems, type InspectionItem } from '../../domain.js';
import { calendarFor } from '../calendar/get-calendar.js';
import { cancelFindingDeadlines, escalateFinding, scheduleFindingDeadline } from '../findings/finding-deadline.js';

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
 * Each failed item becomes a finding row with its severity's deadline (5/10/20 school working days),
 * flagged as a repeat when the same item failed at this school in an earlier round.
 */
export function raiseFindings(
  deps: Pick<Deps, 'db'>,
  input: { instanceId: string; schoolId: string; districtId: string; items: unknown; round: string; now: Date },
) {
  const earlier = deps.db
    .selectDistinct({ code: findings.itemCode })
    .from(findings)
    .where(and(eq(findings.schoolId, input.schoolId), ne(findings.instanceId, input.instanceId)))
    .all()
    .map((r) => r.code);
  const list = findingsFromItems(inspectionItems(input.items), earlier);
  const at = input.now.toISOString();
  // Deadlines count the district's school working days (holidays, make-up days, vacations).
  const calendar = calendarFor(deps, input.districtId);
  for (const f of list) {
    const dueAt = addWorkdays(calendar, input.now, f.workdays).toISOString();
    deps.db
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
        repeat: f.repeat,
        status: 'open',
        createdAt: at,
      })
      .onConflictDoNothing()
      .run();
    scheduleFindingDeadline(deps, input.instanceId, f.itemCode, dueAt);
  }
  return list;
}

/** The school handed its rectification in: its open findings wait on the inspector, not on the school. */
export function markRectified(deps: Pick<Deps, 'db'>, instanceId: string, now: Date) {
  deps.db
    .update(findings)
    .set({ rectifiedAt: now.toISOString() })
    .where(and(eq(findings.instanceId, instanceId), eq(findings.status, 'open')))
    .run();
}

/**
 * The inspector returned the rectification: the school's deadlines run again. A finding whose deadline
 * passed meanwhile was skipped by its timer (it was handed in), so it escalates now, once.
 */
export function reopenRectification(deps: Deps, instanceId: string): string[] {
  const open = deps.db
    .update(findings)
    .set({ rectifiedAt: null })
    .where(and(eq(findings.instanceId, instanceId), eq(findings.status, 'open')))
    .returning({ itemCode: findings.itemCode, dueAt: findings.dueAt })
    .all();
  const now = deps.clock().toISOString();
  return open.filter((f) => f.dueAt < now && escalateFinding(deps, instanceId, f.itemCode)).map((f) => f.itemCode);
}

/** The verification accepted the rectification: the instance's findings are closed. */
export function closeFindings(deps: Pick<Deps, 'db'>, instanceId: string, now: Date) {
  deps.db
    .update(findings)
    .set({ status: 'closed', closedAt: now.toISOString() })
    .where(and(eq(findings.instanceId, instanceId), eq(findings.status, 'open')))
    .run();
  cancelFindingDeadlines(deps, instanceId, now);
}
