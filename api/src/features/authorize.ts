import { appendAudit } from '../audit/append.js';
import { type AppAbility, defineAbilityFor, type TAction, type TSubjectType } from '../auth/ability.js';
import { isSystem, type TAuthUser } from '../auth/user.js';
import { tx } from '../db/client.js';
import type { Deps } from '../deps.js';
import { AppError, type TLocalized } from '../errors.js';

/**
 * The permission check use-cases run inside their transaction: null when allowed, else the error to
 * return (403, or 404 when the caller may not even read the row) after auditing the refusal.
 */
export async function authorize(
  deps: Deps,
  actor: TAuthUser,
  check: {
    action: TAction;
    type: TSubjectType;
    /** The loaded row as a CASL subject (`subject('Definition', row)`); the bare type when there is none yet. */
    target?: Parameters<AppAbility['can']>[1];
    entityId?: string | null;
    auditAction: string;
    /** Answer 404 instead of 403 when the caller cannot read it either: do not leak that it exists. */
    hideUnreadable?: boolean;
    /** Why, when the generic 403 would leave the person guessing (e.g. which duty the rule separates). */
    message?: TLocalized;
  },
): Promise<AppError | null> {
  if (isSystem(actor)) return null;
  const ability = defineAbilityFor(actor);
  const target = check.target ?? check.type;
  if (ability.can(check.action, target)) return null;
  const hidden = check.hideUnreadable === true && !ability.can('read', target);
  await appendAudit(deps.db, {
    at: deps.clock().toISOString(),
    actor,
    action: check.auditAction,
    entityType: check.type,
    entityId: check.entityId ?? null,
    outcome: 'denied',
    meta: { reason: hidden ? 'NOT_FOUND' : 'FORBIDDEN', permission: check.action },
  });
  return (
    hidden ? new AppError('NOT_FOUND') : new AppError('FORBIDDEN', check.message ? { message: check.message } : {})
  ).recorded();
}

/**
 * authorize() for a use-case that checks before it reads or writes anything: the denial is audited in its
 * own transaction and thrown. Inside a transaction, call authorize() and return what it gives.
 */
export async function requirePermission(
  deps: Deps,
  actor: TAuthUser,
  check: Parameters<typeof authorize>[2],
): Promise<void> {
  const denied = await tx(deps.db, () => authorize(deps, actor, check));
  if (denied) throw denied;
}
