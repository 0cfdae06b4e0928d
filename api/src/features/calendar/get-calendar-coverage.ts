import { createRequire } from 'node:module';

import { localDate, packageYears, statutorySource } from '@eduflow/workflows';
import { and, asc, eq, gte, isNotNull, isNull } from 'drizzle-orm';

import { tasks, timers } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import { calendarFor, districtId } from './get-calendar.js';
import type { TCalendarCoverage } from './statutory.types.js';

const DATASET_VERSION: string = (createRequire(import.meta.url)('chinese-days/package.json') as { version: string })
  .version;
/** How far from today the dataset's years are listed; any other year is still asked one by one. */
const LISTED_PAST = 30;
const LISTED_AHEAD = 10;

/** The instant a local (CST) year ends, as the ISO strings due dates are stored as. */
const endOfYear = (year: number) => new Date(`${year + 1}-01-01T00:00:00+08:00`).toISOString();
const yearOf = (iso: string) => Number(localDate(new Date(iso)).slice(0, 4));
/** A bound on the hops below: a district's deadlines span a few years, never hundreds. */
const MAX_YEARS = 200;

/**
 * The earliest open deadline at or after `from`: open tasks' due dates and pending timers (reminders,
 * escalations, finding deadlines, the end of 公示). Each is one seek on an index whose leading columns
 * are the equality filters (tasks_open_due_idx, timers_due_idx), LIMIT 1.
 */
async function nextDeadline(deps: Pick<Deps, 'db'>, from: string | null): Promise<string | null> {
  const task = (
    await deps.db
      .select({ dueAt: tasks.dueAt })
      .from(tasks)
      .where(and(eq(tasks.status, 'open'), from ? gte(tasks.dueAt, from) : isNotNull(tasks.dueAt)))
      .orderBy(asc(tasks.dueAt))
      .limit(1)
  )[0]?.dueAt;
  const timer = (
    await deps.db
      .select({ dueAt: timers.dueAt })
      .from(timers)
      .where(and(isNull(timers.firedAt), isNull(timers.cancelledAt), from ? gte(timers.dueAt, from) : undefined))
      .orderBy(asc(timers.dueAt))
      .limit(1)
  )[0]?.dueAt;
  return [task, timer].filter((d): d is string => Boolean(d)).sort()[0] ?? null;
}

/**
 * Uncovered years that open deadlines fall into, each with its earliest deadline. Cost does not grow
 * with history: it hops from year to year that has a deadline (two index seeks a hop), a handful.
 */
export async function uncoveredDeadlines(
  deps: Pick<Deps, 'db'>,
  covered: (year: number) => boolean,
): Promise<TCalendarCoverage['uncoveredDeadlines']> {
  const out: TCalendarCoverage['uncoveredDeadlines'] = [];
  let next = await nextDeadline(deps, null);
  for (let hops = 0; next && hops < MAX_YEARS; hops++) {
    const year = yearOf(next);
    if (!covered(year)) out.push({ year, firstDueAt: next });
    next = await nextDeadline(deps, endOfYear(year));
  }
  return out;
}

/**
 * Which years are covered and by what: the installed dataset's years (found in its data), the years
 * the bureau loaded, this year and the next with their source, and the uncovered years open deadlines
 * fall into — for the 校历 page, the console's warning banner and /api/health.
 */
export async function getCalendarCoverage(deps: Pick<Deps, 'db' | 'clock'>): Promise<TCalendarCoverage> {
  const today = localDate(deps.clock());
  const thisYear = Number(today.slice(0, 4));
  const calendar = await calendarFor(deps, (await districtId(deps)) ?? undefined);
  return {
    today,
    dataset: {
      name: 'chinese-days',
      version: DATASET_VERSION,
      years: packageYears(thisYear - LISTED_PAST, thisYear + LISTED_AHEAD),
    },
    bureauYears: Object.keys(calendar?.statutory ?? {}).map(Number),
    years: [thisYear, thisYear + 1].map((year) => ({ year, source: statutorySource(calendar, year) })),
    uncoveredDeadlines: await uncoveredDeadlines(deps, (year) => statutorySource(calendar, year) !== null),
  };
}
