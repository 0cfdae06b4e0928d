import { ForbiddenError } from '@casl/ability';
import type { AppAbility } from '../../auth/ability.js';
import { verifyAuditChain, type TVerifyResult } from '../../audit/verify.js';
import type { Deps } from '../../deps.js';

export function verifyAudit(deps: Deps, input: { ability: AppAbility }): TVerifyResult {
  ForbiddenError.from(input.ability).throwUnlessCan('verify', 'AuditEvent');
  return verifyAuditChain(deps.db, { checkpointFile: deps.auditCheckpointFile });
}
