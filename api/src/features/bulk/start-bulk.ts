import { appendAudit } from '../../audit/append.js';
import type { TAuthUser } from '../../auth/user.js';
import { tx } from '../../db/client.js';
import type { Deps } from '../../deps.js';
import { AppError, toAppError } from '../../errors.js';
import { startInstance } from '../instances/start-instance.js';
import type { TBulkStartBody, TBulkStartResult } from './bulk.types.js';

const BUREAU = new Set(['bureauAdmin', 'bureauReviewer']);

/**
 * Starts one instance per organisation (e.g. an inspection round for 200 schools, the assessment
 * cycle for all 17 groups). Each subject is its own transaction, so one refusal does not undo the
 * others; every start is audited, and so is the batch.
 */
export function startBulk(deps: Deps, input: TBulkStartBody & { actor: TAuthUser }): TBulkStartResult {
  const t0 = performance.now();
  if (!input.actor.roles.some((g) => BUREAU.has(g.role))) {
    tx(deps.db, () =>
      appendAudit(deps.db, { at: deps.clock().toISOString(), actor: input.actor, action: 'instance.bulkStart', entityType: 'Instance', entityId: null, outcome: 'denied', meta: { reason: 'FORBIDDEN' } }),
    );
    throw new AppError('FORBIDDEN');
  }
  const data = input.data ?? {};
  const result: TBulkStartResult = { started: [], failed: [], ms: 0 };
  for (const orgId of new Set(input.subjectOrgIds)) {
    try {
      const { body } = startInstance(deps, { actor: input.actor, definitionId: input.definitionId, subjectOrgId: orgId, data, assignments: input.assignments });
      result.started.push({ orgId, instanceId: body.id, state: body.state });
    } catch (err) {
      const e = toAppError(err);
      if (e.code === 'INTERNAL') throw err;
      result.failed.push({ orgId, code: e.code, message: e.fieldErrors ? Object.values(e.fieldErrors)[0] ?? e.localized : e.localized });
    }
  }
  result.ms = Math.round(performance.now() - t0);
  tx(deps.db, () =>
    appendAudit(deps.db, {
      at: deps.clock().toISOString(),
      actor: input.actor,
      action: 'instance.bulkStart',
      entityType: 'Definition',
      entityId: input.definitionId,
      outcome: 'success',
      meta: { requested: input.subjectOrgIds.length, started: result.started.length, failed: result.failed.length },
    }),
  );
  return result;
}
