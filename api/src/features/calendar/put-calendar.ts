import { eq } from 'drizzle-orm';

import { appendAudit } from '../../audit/append.js';
import type { TAuthUser } from '../../auth/user.js';
import { txOrThrow } from '../../db/client.js';
import { calendars } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import { AppError } from '../../errors.js';
import { authorize } from '../authorize.js';
import type { TCalendar, TCalendarBody } from './calendar.types.js';
import { getCalendar } from './get-calendar.js';

const sortedUnique = (dates: string[]) => [...new Set(dates)].sort();

/**
 * Replaces the district's school calendar (bureauAdmin), refusing a stale version. Deadlines already
 * computed keep their dates: the engine reads the calendar when a step opens, not afterwards.
 */
export async function putCalendar(deps: Deps, input: TCalendarBody & { actor: TAuthUser }): Promise<TCalendar> {
  return await txOrThrow(deps.db, async () => {
    const denied = await authorize(deps, input.actor, {
      action: 'update',
      type: 'Calendar',
      auditAction: 'calendar.update',
    });
    if (denied) return denied;
    const before = await getCalendar(deps);
    if (before.version !== input.expectedVersion) return new AppError('VERSION_CONFLICT');
    const both = input.holidays.filter((d) => input.workdays.includes(d));
    if (both.length > 0) {
      return new AppError('VALIDATION', {
        status: 422,
        fieldErrors: {
          workdays: {
            'zh-CN': `${both.join('、')} 不能既是假日又是调休工作日`,
            en: `${both.join(', ')} cannot be both a holiday and a make-up workday`,
          },
        },
      });
    }
    const at = deps.clock().toISOString();
    const values = {
      districtId: before.districtId,
      holidays: sortedUnique(input.holidays),
      workdays: sortedUnique(input.workdays),
      vacations: [...input.vacations].sort((a, b) => a.from.localeCompare(b.from)),
      version: before.version + 1,
      updatedBy: input.actor.id,
      updatedAt: at,
    };
    if (before.version === 0) await deps.db.insert(calendars).values(values);
    else await deps.db.update(calendars).set(values).where(eq(calendars.districtId, before.districtId));
    const after = await getCalendar(deps);
    await appendAudit(deps.db, {
      at,
      actor: input.actor,
      action: 'calendar.update',
      entityType: 'Calendar',
      entityId: before.districtId,
      outcome: 'success',
      before,
      after,
    });
    return after;
  });
}
