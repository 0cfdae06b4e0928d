import { and, eq } from 'drizzle-orm';

import { appendAudit } from '../../audit/append.js';
import type { TAuthUser } from '../../auth/user.js';
import { txOrThrow } from '../../db/client.js';
import { statutoryYears, type TStatutoryYearRow } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import { AppError } from '../../errors.js';
import { authorize } from '../authorize.js';
import { districtId } from './get-calendar.js';
import type { TStatutoryDay, TStatutoryYear, TStatutoryYearBody } from './statutory.types.js';
import { listStatutoryYears } from './statutory-years.js';

const byDate = (days: TStatutoryDay[]) => [...days].sort((a, b) => a.date.localeCompare(b.date));

export type TPutStatutoryYear = TStatutoryYearBody & {
  year: number;
  source: TStatutoryYearRow['source'];
  actor: TAuthUser;
  meta?: Record<string, unknown>;
};

/** The district and the loaded row of a year (undefined before the first load). */
export async function loadedYear(
  deps: Pick<Deps, 'db'>,
  year: number,
): Promise<{ district: string; row: TStatutoryYearRow | undefined }> {
  const district = await districtId(deps);
  if (!district) throw new AppError('NOT_FOUND');
  const row = (
    await deps.db
      .select()
      .from(statutoryYears)
      .where(and(eq(statutoryYears.districtId, district), eq(statutoryYears.year, year)))
      .limit(1)
  )[0];
  return { district, row };
}

export const yearView = async (
  deps: Pick<Deps, 'db'>,
  district: string,
  year: number,
): Promise<TStatutoryYear | undefined> => (await listStatutoryYears(deps, district)).find((y) => y.year === year);

/**
 * Registers (or replaces) a year's statutory arrangement — the State Council's notice — as the bureau
 * loaded it (bureauAdmin), refusing a stale version. The caller has validated the arrangement against
 * the year (`arrangementProblems`). Deadlines already computed keep their dates; new ones count with it.
 */
export async function putStatutoryYear(deps: Deps, input: TPutStatutoryYear): Promise<TStatutoryYear> {
  return await txOrThrow(deps.db, async () => {
    const denied = await authorize(deps, input.actor, {
      action: 'update',
      type: 'Calendar',
      auditAction: 'calendar.statutory.update',
    });
    if (denied) return denied;
    const { district, row } = await loadedYear(deps, input.year);
    if ((row?.version ?? 0) !== input.expectedVersion) return new AppError('VERSION_CONFLICT');
    const before = row ? await yearView(deps, district, input.year) : null;
    const at = deps.clock().toISOString();
    const values = {
      districtId: district,
      year: input.year,
      holidays: byDate(input.holidays),
      workdays: byDate(input.workdays),
      replacesPackage: input.replacesPackage,
      documentNo: input.documentNo ?? null,
      title: input.title ?? null,
      source: input.source,
      version: (row?.version ?? 0) + 1,
      updatedBy: input.actor.id,
      updatedAt: at,
    };
    if (row)
      await deps.db
        .update(statutoryYears)
        .set(values)
        .where(and(eq(statutoryYears.districtId, district), eq(statutoryYears.year, input.year)));
    else await deps.db.insert(statutoryYears).values(values);
    const after = await yearView(deps, district, input.year);
    if (!after) return new AppError('INTERNAL');
    await appendAudit(deps.db, {
      at,
      actor: input.actor,
      action: 'calendar.statutory.update',
      entityType: 'Calendar',
      entityId: `${district}/${input.year}`,
      outcome: 'success',
      before,
      after,
      meta: { year: input.year, source: input.source, ...input.meta },
    });
    return after;
  });
}
