import { addWorkdays, localDate } from '@eduflow/workflows';

import type { Deps } from '../../deps.js';
import type { TDueDate, TDueDateQuery } from './calendar.types.js';
import { calendarFor, districtId } from './get-calendar.js';

/**
 * The deadline N school working days after a date, counted exactly as the engine counts step
 * deadlines (statutory holidays, the district's own holidays, make-up days and vacations), so the
 * calendar page can show the bureau what a deadline will be before a step opens. Reads only.
 */
export async function computeDueDate(deps: Pick<Deps, 'db'>, query: TDueDateQuery): Promise<TDueDate> {
  // Noon CST on the chosen local date: the engine takes the local date of its start instant.
  const start = new Date(`${query.from}T12:00:00+08:00`);
  const due = addWorkdays(await calendarFor(deps, (await districtId(deps)) ?? undefined), start, query.workdays);
  return { from: query.from, workdays: query.workdays, dueDate: localDate(due), dueAt: due.toISOString() };
}
