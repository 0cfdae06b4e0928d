import { subject } from '@casl/ability';
import { and, eq } from 'drizzle-orm';

import { appendAudit } from '../../audit/append.js';
import type { TAuthUser } from '../../auth/user.js';
import { txOrThrow } from '../../db/client.js';
import { burdenReports, organisations } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import { AppError } from '../../errors.js';
import { authorize } from '../authorize.js';
import type { TBurdenReport, TResolveBurdenBody } from './burden.types.js';
import { closeBurdenTask } from './burden-task.js';
import { burdenItemNames, burdenView } from './burden-view.js';

/** The bureau closes a complaint with what it did; a stale version is refused (409). */
export async function resolveBurdenReport(
  deps: Deps,
  input: TResolveBurdenBody & { id: string; actor: TAuthUser },
): Promise<TBurdenReport> {
  return await txOrThrow(deps.db, async () => {
    const row = (await deps.db.select().from(burdenReports).where(eq(burdenReports.id, input.id)).limit(1))[0];
    const denied = await authorize(deps, input.actor, {
      action: 'update',
      type: 'BurdenReport',
      target: row ? subject('BurdenReport', { id: row.id }) : undefined,
      entityId: input.id,
      auditAction: 'burden.resolve',
      hideUnreadable: true,
    });
    if (denied) return denied;
    if (!row) return new AppError('NOT_FOUND');
    if (row.version !== input.expectedVersion) return new AppError('VERSION_CONFLICT');
    if (row.status === 'resolved') {
      return new AppError('EVENT_NOT_ALLOWED', {
        message: { 'zh-CN': '该反映已办结。', en: 'This report is already resolved.' },
      });
    }
    const now = deps.clock();
    const next = {
      ...row,
      status: 'resolved' as const,
      resolution: input.resolution,
      resolvedAt: now.toISOString(),
      version: row.version + 1,
    };
    await deps.db
      .update(burdenReports)
      .set({ status: next.status, resolution: next.resolution, resolvedAt: next.resolvedAt, version: next.version })
      .where(and(eq(burdenReports.id, row.id), eq(burdenReports.version, row.version)));
    await closeBurdenTask(deps, row.id, { userId: input.actor.id, at: next.resolvedAt });
    await appendAudit(deps.db, {
      at: next.resolvedAt,
      actor: input.actor,
      action: 'burden.resolve',
      entityType: 'BurdenReport',
      entityId: row.id,
      outcome: 'success',
      before: { status: 'open', version: row.version },
      after: { status: 'resolved', version: next.version },
    });
    const name =
      (
        await deps.db
          .select({ name: organisations.name })
          .from(organisations)
          .where(eq(organisations.id, row.schoolId))
          .limit(1)
      )[0]?.name ?? '';
    return burdenView(next, name, now, await burdenItemNames(deps));
  });
}
