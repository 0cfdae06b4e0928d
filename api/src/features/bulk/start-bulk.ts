import { appendAuditAlone } from '../../audit/append.js';
import type { TAuthUser } from '../../auth/user.js';
import { tx, txOrThrow } from '../../db/client.js';
import type { Deps } from '../../deps.js';
import { AppError, toAppError } from '../../errors.js';
import { breathe, SLICE_MS } from '../../lib/slices.js';
import { startStored } from '../instances/start-instance.js';
import type { TBulkStartBody, TBulkStartResult } from './bulk.types.js';

const BUREAU = new Set(['bureauAdmin', 'bureauReviewer']);

/**
 * Starts one instance per organisation (e.g. an inspection round for 200 schools, the assessment
 * cycle for all 17 groups). Each subject is its own savepoint, so one refusal does not undo the
 * others; every start is audited, and so is the batch. The work runs in slices of SLICE_MS, each one
 * transaction (one commit for many starts, not one each), yielding between slices so the server keeps
 * answering everyone else while a round for hundreds of schools is opened (issue 11). Each subject gets
 * exactly what a single start writes (startStored); what all of them read alike and no cache keeps (the
 * published checklist, the starter's ability, the check of the named assignees) is read once for the
 * whole bulk (Deps.reads), and no instance view is built for an answer that lists only ids.
 */
export async function startBulk(deps: Deps, input: TBulkStartBody & { actor: TAuthUser }): Promise<TBulkStartResult> {
  const t0 = performance.now();
  if (!input.actor.roles.some((g) => BUREAU.has(g.role))) {
    await appendAuditAlone(deps.db, {
      at: deps.clock().toISOString(),
      actor: input.actor,
      action: 'instance.bulkStart',
      entityType: 'Instance',
      entityId: null,
      outcome: 'denied',
      meta: { reason: 'FORBIDDEN' },
    });
    throw new AppError('FORBIDDEN').recorded();
  }
  const data = input.data ?? {};
  const result: TBulkStartResult = { started: [], failed: [], ms: 0 };
  const shared: Deps = { ...deps, reads: new Map() };
  const startOne = async (orgId: string) => {
    try {
      // Its own savepoint: a refusal keeps its audit event, an unexpected error undoes only this subject.
      const { row } = await txOrThrow(deps.db, () =>
        startStored(shared, {
          actor: input.actor,
          definitionId: input.definitionId,
          subjectOrgId: orgId,
          data,
          assignments: input.assignments,
        }),
      );
      result.started.push({ orgId, instanceId: row.id, state: row.state });
    } catch (err) {
      const e = toAppError(err);
      if (e.code === 'INTERNAL') throw err;
      result.failed.push({
        orgId,
        code: e.code,
        message: e.fieldErrors ? (Object.values(e.fieldErrors)[0] ?? e.localized) : e.localized,
      });
    }
  };
  const pending = [...new Set(input.subjectOrgIds)];
  while (pending.length > 0) {
    const sliceStart = performance.now();
    await tx(deps.db, async () => {
      do await startOne(pending.shift() as string);
      while (pending.length > 0 && performance.now() - sliceStart < SLICE_MS);
    });
    if (pending.length > 0) await breathe();
  }
  result.ms = Math.round(performance.now() - t0);
  await appendAuditAlone(deps.db, {
    at: deps.clock().toISOString(),
    actor: input.actor,
    action: 'instance.bulkStart',
    entityType: 'Definition',
    entityId: input.definitionId,
    outcome: 'success',
    meta: { requested: input.subjectOrgIds.length, started: result.started.length, failed: result.failed.length },
  });
  return result;
}
