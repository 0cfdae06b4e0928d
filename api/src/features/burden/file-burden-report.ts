import { eq } from 'drizzle-orm';

import { appendAudit } from '../../audit/append.js';
import type { TAuthUser } from '../../auth/user.js';
import { txOrThrow } from '../../db/client.js';
import { burdenReports, organisations } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import { addWorkdays } from '../../engine.js';
import { AppError } from '../../errors.js';
import { authorize } from '../authorize.js';
import { calendarFor } from '../calendar/get-calendar.js';
import { orgPath } from '../orgs/org-path.js';
import { loadPublished } from '../reference/load-reference.js';
import type { TBurdenReport, TFileBurdenBody } from './burden.types.js';
import { openBurdenTask } from './burden-task.js';
import { BURDEN_WORKDAYS, burdenView } from './burden-view.js';

/**
 * A teacher's 负担码 complaint about a non-teaching demand: it becomes a bureau item with a deadline.
 * The school is recorded (for the per-school figures) but not the reporter's name in anything the
 * school can read; the audit trail keeps the actor for the auditor only.
 */
export async function fileBurdenReport(
  deps: Deps,
  input: TFileBurdenBody & { actor: TAuthUser },
): Promise<TBurdenReport> {
  return await txOrThrow(deps.db, async () => {
    const denied = await authorize(deps, input.actor, {
      action: 'create',
      type: 'BurdenReport',
      auditAction: 'burden.file',
    });
    if (denied) return denied;
    const schoolId = input.actor.roles.find((g) => g.role === 'teacher')?.orgId;
    const school = schoolId
      ? (await deps.db.select().from(organisations).where(eq(organisations.id, schoolId)).limit(1))[0]
      : undefined;
    if (!school) return new AppError('FORBIDDEN');
    const list = (await loadPublished(deps, 'whitelist'))?.content.burdenList ?? [];
    if (input.burdenItem !== 'other' && list.length > 0 && !list.some((b) => b.code === input.burdenItem)) {
      return new AppError('VALIDATION', {
        status: 422,
        fieldErrors: {
          burdenItem: {
            'zh-CN': '请选择减负清单中的事项，或选择“其他”',
            en: 'Choose an item of the burden list, or "other"',
          },
        },
      });
    }
    const now = deps.clock();
    const districtId = (await orgPath(deps, school.id))[0]?.id ?? school.id;
    const row = {
      id: crypto.randomUUID(),
      schoolId: school.id,
      reporterId: input.actor.id,
      burdenItem: input.burdenItem,
      description: input.description,
      hours: input.hours ?? null,
      status: 'open' as const,
      dueAt: addWorkdays(await calendarFor(deps, districtId), now, BURDEN_WORKDAYS).toISOString(),
      resolution: null,
      version: 1,
      createdAt: now.toISOString(),
      resolvedAt: null,
    };
    await deps.db.insert(burdenReports).values(row);
    await openBurdenTask(deps, row, districtId);
    await appendAudit(deps.db, {
      at: row.createdAt,
      actor: input.actor,
      action: 'burden.file',
      entityType: 'BurdenReport',
      entityId: row.id,
      outcome: 'success',
      after: { status: 'open', burdenItem: row.burdenItem, dueAt: row.dueAt },
    });
    return burdenView(row, school.name, now, new Map(list.map((b) => [b.code, b.name])));
  });
}
