import { statutorySource, type StatutoryYear } from '@eduflow/workflows';
import { asc, eq } from 'drizzle-orm';

import { statutoryYears, type TStatutoryYearRow, users } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import type { TStatutoryYear } from './statutory.types.js';

const rowsOf = async (deps: Pick<Deps, 'db'>, district: string) =>
  await deps.db
    .select({ row: statutoryYears, updatedByName: users.displayName })
    .from(statutoryYears)
    .leftJoin(users, eq(users.id, statutoryYears.updatedBy))
    .where(eq(statutoryYears.districtId, district))
    .orderBy(asc(statutoryYears.year));

/** The engine's view of the loaded years: dates only, keyed by year. */
export function toEngineYears(rows: TStatutoryYearRow[]): Record<string, StatutoryYear> | undefined {
  if (rows.length === 0) return undefined;
  return Object.fromEntries(
    rows.map((r) => [
      String(r.year),
      {
        holidays: r.holidays.map((d) => d.date),
        workdays: r.workdays.map((d) => d.date),
        replacesPackage: r.replacesPackage,
      },
    ]),
  );
}

/** The years the bureau loaded for the district (State Council notices), few: one row per year. */
export async function statutoryRows(deps: Pick<Deps, 'db'>, district: string): Promise<TStatutoryYearRow[]> {
  return await deps.db
    .select()
    .from(statutoryYears)
    .where(eq(statutoryYears.districtId, district))
    .orderBy(asc(statutoryYears.year));
}

export function toStatutoryYear(
  row: TStatutoryYearRow,
  updatedByName: string | null,
  engineYears: Record<string, StatutoryYear> | undefined,
): TStatutoryYear {
  return {
    year: row.year,
    holidays: row.holidays,
    workdays: row.workdays,
    replacesPackage: row.replacesPackage,
    documentNo: row.documentNo,
    title: row.title,
    source: row.source,
    version: row.version,
    updatedAt: row.updatedAt,
    updatedBy: updatedByName,
    inEffect:
      statutorySource({ holidays: [], workdays: [], vacations: [], statutory: engineYears }, row.year) === 'bureau',
  };
}

/** Every loaded year, with whether it is in effect (a package year the bureau did not replace is not). */
export async function listStatutoryYears(deps: Pick<Deps, 'db'>, district: string): Promise<TStatutoryYear[]> {
  const rows = await rowsOf(deps, district);
  const engineYears = toEngineYears(rows.map((r) => r.row));
  return rows.map((r) => toStatutoryYear(r.row, r.updatedByName, engineYears));
}
