import { and, eq } from 'drizzle-orm';

import { appendAudit } from '../../audit/append.js';
import type { TAuthUser } from '../../auth/user.js';
import { txOrThrow } from '../../db/client.js';
import { statutoryYears } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import { AppError } from '../../errors.js';
import { authorize } from '../authorize.js';
import { loadedYear, yearView } from './put-statutory-year.js';

/**
 * Withdraws a year the bureau loaded (bureauAdmin), e.g. one loaded under the wrong year: the year falls
 * back to the package, or is uncovered again. Refuses a stale version; audited with what was withdrawn.
 */
export async function deleteStatutoryYear(
  deps: Deps,
  input: { year: number; expectedVersion: number; actor: TAuthUser },
): Promise<{ year: number; deleted: true }> {
  return await txOrThrow(deps.db, async () => {
    const denied = await authorize(deps, input.actor, {
      action: 'update',
      type: 'Calendar',
      auditAction: 'calendar.statutory.delete',
    });
    if (denied) return denied;
    const { district, row } = await loadedYear(deps, input.year);
    if (!row) return new AppError('NOT_FOUND');
    if (row.version !== input.expectedVersion) return new AppError('VERSION_CONFLICT');
    const before = await yearView(deps, district, input.year);
    await deps.db
      .delete(statutoryYears)
      .where(and(eq(statutoryYears.districtId, district), eq(statutoryYears.year, input.year)));
    await appendAudit(deps.db, {
      at: deps.clock().toISOString(),
      actor: input.actor,
      action: 'calendar.statutory.delete',
      entityType: 'Calendar',
      entityId: `${district}/${input.year}`,
      outcome: 'success',
      before,
      meta: { year: input.year },
    });
    return { year: input.year, deleted: true as const };
  });
}
