import { and, eq, isNull, like } from 'drizzle-orm';

import { appendAudit } from '../../audit/append.js';
import { SYSTEM_USER } from '../../auth/user.js';
import { findings, instances, timers } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import { storeNotifications } from '../notifications/store-notifications.js';

/**
 * Each open finding has its own durable deadline: a row in `timers` (the same table and scheduler as the
 * engine's step deadlines) keyed `finding:<itemCode>` on its inspection. The row is not an engine event:
 * the rectification step may run on, loop back or wait elsewhere while one finding's deadline passes.
 */
export const FINDING_DUE = 'FINDING_DUE';
export type TFindingDueEvent = { type: typeof FINDING_DUE; itemCode: string };
const timerKeyOf = (itemCode: string) => `finding:${itemCode}`;

export function asFindingDue(stored: Record<string, unknown>): TFindingDueEvent | null {
  return stored.type === FINDING_DUE && typeof stored.itemCode === 'string'
    ? { type: FINDING_DUE, itemCode: stored.itemCode }
    : null;
}

/** Inside the raising transaction. A finding raised again (re-inspection) keeps its first timer, fired or not. */
export async function scheduleFindingDeadline(
  deps: Pick<Deps, 'db'>,
  instanceId: string,
  itemCode: string,
  dueAt: string,
) {
  const event: TFindingDueEvent = { type: FINDING_DUE, itemCode };
  await deps.db
    .insert(timers)
    .values({ instanceId, timerKey: timerKeyOf(itemCode), dueAt, event, firedAt: null, cancelledAt: null })
    .onConflictDoNothing();
}

/** One finding was accepted at verification while others went back: its deadline no longer applies. */
export async function cancelFindingDeadline(
  deps: Pick<Deps, 'db'>,
  instanceId: string,
  itemCode: string,
  now: Date | string,
) {
  await deps.db
    .update(timers)
    .set({ cancelledAt: typeof now === 'string' ? now : now.toISOString() })
    .where(
      and(
        eq(timers.instanceId, instanceId),
        eq(timers.timerKey, timerKeyOf(itemCode)),
        isNull(timers.firedAt),
        isNull(timers.cancelledAt),
      ),
    );
}

/** The inspection closed: its findings' deadlines no longer apply. */
export async function cancelFindingDeadlines(deps: Pick<Deps, 'db'>, instanceId: string, now: Date) {
  await deps.db
    .update(timers)
    .set({ cancelledAt: now.toISOString() })
    .where(
      and(
        eq(timers.instanceId, instanceId),
        like(timers.timerKey, 'finding:%'),
        isNull(timers.firedAt),
        isNull(timers.cancelledAt),
      ),
    );
}

/**
 * A finding's deadline timer fired (inside the scheduler's transaction, which also marks the timer fired).
 * The conditional update is what makes an at-least-once scheduler escalate exactly once: only the run that
 * flips `escalated_at` from null notifies the bureau and appends `finding.escalate`; a closed finding never does,
 * nor one handed in for verification (if the inspector returns it late, reopenRectification escalates it then).
 */
export async function escalateFinding(deps: Deps, instanceId: string, itemCode: string): Promise<boolean> {
  const now = deps.clock().toISOString();
  const flipped = (
    await deps.db
      .update(findings)
      .set({ escalatedAt: now })
      .where(
        and(
          eq(findings.instanceId, instanceId),
          eq(findings.itemCode, itemCode),
          eq(findings.status, 'open'),
          isNull(findings.rectifiedAt),
          isNull(findings.escalatedAt),
        ),
      )
      .returning()
  )[0];
  if (!flipped) return false;
  const inst = (
    await deps.db
      .select({ state: instances.state, districtId: instances.districtId })
      .from(instances)
      .where(eq(instances.id, instanceId))
      .limit(1)
  )[0];
  const district = inst?.districtId ?? null;
  await storeNotifications(deps, instanceId, {
    type: 'notify',
    kind: 'escalation',
    state: inst?.state ?? '',
    to: [
      { role: 'bureauAdmin', orgId: district },
      { role: 'bureauReviewer', orgId: district },
    ],
  });
  await appendAudit(deps.db, {
    at: now,
    actor: SYSTEM_USER,
    action: 'finding.escalate',
    entityType: 'Instance',
    entityId: instanceId,
    outcome: 'success',
    after: { itemCode, escalatedAt: now },
    meta: {
      findingId: flipped.id,
      schoolId: flipped.schoolId,
      severity: flipped.severity,
      dueAt: flipped.dueAt,
      round: flipped.round,
    },
  });
  return true;
}
