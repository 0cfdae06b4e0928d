import { join } from 'node:path';

import { ForbiddenError } from '@casl/ability';

import { type TVerifyResult, verifyAuditChainAsync } from '../../audit/verify.js';
import type { AppAbility } from '../../auth/ability.js';
import { AUDIT_VERIFIED_FILE_NAME, dataDirOf } from '../../data-dir.js';
import type { Deps } from '../../deps.js';

/**
 * Incremental by default: the events after the last verified position (cost bounded by what was written
 * since); `full` rehashes the chain from its anchor, yielding to other requests between batches (ADR 0015).
 */
export async function verifyAudit(deps: Deps, input: { ability: AppAbility; full: boolean }): Promise<TVerifyResult> {
  ForbiddenError.from(input.ability).throwUnlessCan('verify', 'AuditEvent');
  return await verifyAuditChainAsync(deps.db, {
    checkpointFile: deps.auditCheckpointFile,
    positionFile: join(dataDirOf(deps), AUDIT_VERIFIED_FILE_NAME),
    full: input.full,
    now: deps.clock,
  });
}
