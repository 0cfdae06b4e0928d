import { and, eq } from 'drizzle-orm';
import { appendAudit } from '../../audit/append.js';
import { SYSTEM_USER, type TAuthUser } from '../../auth/user.js';
import { txOrThrow } from '../../db/client.js';
import { organisations, roleGrants, users } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import { AppError } from '../../errors.js';
import { authorize } from '../authorize.js';
import { ZRoleGrant, type TRoleGrantInput } from './users.types.js';

/** Grants a role at an organisation; granting one the user already holds is a no-op. */
export function assignRole(deps: Deps, input: TRoleGrantInput & { userId: string; actor?: TAuthUser }): void {
  const actor = input.actor ?? SYSTEM_USER;
  const grant = ZRoleGrant.parse(input);
  txOrThrow(deps.db, () => {
    const denied = authorize(deps, actor, { action: 'update', type: 'User', entityId: input.userId, auditAction: 'user.assignRole' });
    if (denied) return denied;
    return insertGrant(deps, actor, input.userId, grant);
  });
}

/** Shared with create-user, inside the caller's transaction. */
export function insertGrant(deps: Deps, actor: TAuthUser, userId: string, grant: TRoleGrantInput): AppError | undefined {
  const user = deps.db.select({ id: users.id }).from(users).where(eq(users.id, userId)).get();
  const org = deps.db.select({ id: organisations.id }).from(organisations).where(eq(organisations.id, grant.orgId)).get();
  if (!user) return new AppError('NOT_FOUND');
  if (!org) {
    return new AppError('VALIDATION', {
      status: 422,
      fieldErrors: { orgId: { 'zh-CN': '单位不存在', en: 'The organisation does not exist' } },
    });
  }
  const exists = deps.db
    .select()
    .from(roleGrants)
    .where(and(eq(roleGrants.userId, userId), eq(roleGrants.role, grant.role), eq(roleGrants.orgId, grant.orgId)))
    .get();
  if (exists) return undefined;
  deps.db.insert(roleGrants).values({ userId, role: grant.role, orgId: grant.orgId }).run();
  appendAudit(deps.db, {
    at: deps.clock().toISOString(),
    actor,
    action: 'user.assignRole',
    entityType: 'User',
    entityId: userId,
    outcome: 'success',
    after: grant,
  });
  return undefined;
}
