import { asc, eq } from 'drizzle-orm';

import { cachedByGeneration } from '../../db/generation-cache.js';
import { calendars, organisations } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import type { EngineEnv } from '../../engine.js';
import { AppError } from '../../errors.js';
import type { TCalendar } from './calendar.types.js';
import { statutoryRows, toEngineYears } from './statutory-years.js';

/** The district this server governs: the root of the org tree (one district per deployment). */
export async function districtId(deps: Pick<Deps, 'db'>): Promise<string | null> {
  const row = (
    await deps.db
      .select({ id: organisations.id })
      .from(organisations)
      .where(eq(organisations.type, 'district'))
      .orderBy(asc(organisations.id))
      .limit(1)
  )[0];
  return row?.id ?? null;
}

/** The calendar as the console edits it; version 0 and empty lists until the bureau saves one. */
export async function getCalendar(deps: Pick<Deps, 'db'>): Promise<TCalendar> {
  const id = await districtId(deps);
  if (!id) throw new AppError('NOT_FOUND');
  const row = (await deps.db.select().from(calendars).where(eq(calendars.districtId, id)).limit(1))[0];
  if (!row) return { districtId: id, holidays: [], workdays: [], vacations: [], version: 0, updatedAt: null };
  return {
    districtId: id,
    holidays: row.holidays,
    workdays: row.workdays,
    vacations: row.vacations,
    version: row.version,
    updatedAt: row.updatedAt,
  };
}

/**
 * What the engine counts school working days with, for instances in this district: its own calendar
 * and the statutory years the bureau loaded (two primary-key reads).
 */
export async function calendarFor(
  deps: Pick<Deps, 'db'>,
  district: string | undefined,
): Promise<EngineEnv['calendar']> {
  if (!district) return undefined;
  // Every event's deadlines need it; it changes a few times a year.
  return await cachedByGeneration(deps.db, 'calendars', district, () => readCalendar(deps, district));
}

async function readCalendar(deps: Pick<Deps, 'db'>, district: string): Promise<EngineEnv['calendar']> {
  const row = (await deps.db.select().from(calendars).where(eq(calendars.districtId, district)).limit(1))[0];
  const statutory = toEngineYears(await statutoryRows(deps, district));
  if (!row && !statutory) return undefined;
  return {
    holidays: row?.holidays ?? [],
    workdays: row?.workdays ?? [],
    vacations: (row?.vacations ?? []).map(({ from, to }) => ({ from, to })),
    ...(statutory ? { statutory } : {}),
  };
}
