import { eq } from 'drizzle-orm';

import type { TAuthUser } from '../../auth/user.js';
import { burdenReports, organisations } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import { AppError } from '../../errors.js';
import { requirePermission } from '../authorize.js';
import type { TBurdenReport } from './burden.types.js';
import { burdenItemNames, burdenView } from './burden-view.js';

/** One complaint, for the inbox's 办理 dialog: the bureau reads it with its version before resolving. */
export async function getBurdenReport(deps: Deps, input: { actor: TAuthUser; id: string }): Promise<TBurdenReport> {
  await requirePermission(deps, input.actor, { action: 'read', type: 'BurdenReport', auditAction: 'burden.read' });
  const found = (
    await deps.db
      .select({ r: burdenReports, schoolName: organisations.name })
      .from(burdenReports)
      .innerJoin(organisations, eq(organisations.id, burdenReports.schoolId))
      .where(eq(burdenReports.id, input.id))
      .limit(1)
  )[0];
  if (!found) throw new AppError('NOT_FOUND');
  return burdenView(found.r, found.schoolName, deps.clock(), await burdenItemNames(deps));
}
