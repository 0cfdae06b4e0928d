import { appendAudit } from '../../audit/append.js';
import type { TAuthUser } from '../../auth/user.js';
import type { Deps } from '../../deps.js';
import type { Refusal } from '../../engine.js';
import { AppError } from '../../errors.js';

/** The engine's refusal as the API's error: same code, the engine's message, 422 for form problems. */
export function refusalError(r: Refusal): AppError {
  return new AppError(r.code, {
    status: r.code === 'VALIDATION' ? 422 : undefined,
    message: r.message,
    fieldErrors: r.fieldErrors,
    rule: r.rule,
  });
}

/** Audits a refused command (the only write a refusal makes) and returns the error to throw after commit. */
export async function deniedEvent(
  deps: Deps,
  input: {
    actor: TAuthUser;
    action: string;
    instanceId: string | null;
    error: AppError;
    before?: unknown;
    meta?: Record<string, unknown>;
  },
): Promise<AppError> {
  if (input.error.audited) return input.error; // authorize() recorded it, with its own action
  await appendAudit(deps.db, {
    at: deps.clock().toISOString(),
    actor: input.actor,
    action: input.action,
    entityType: 'Instance',
    entityId: input.instanceId,
    outcome: 'denied',
    before: input.before,
    meta: { ...input.meta, reason: input.error.code, ...(input.error.rule ? { rule: input.error.rule } : {}) },
  });
  return input.error.recorded();
}
