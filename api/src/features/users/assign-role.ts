import { and, eq } from 'drizzle-orm';

import { appendAudit } from '../../audit/append.js';
import { grantsOf, powersConflict } from '../../auth/separation-of-duties.js';
import { SYSTEM_USER, type TAuthUser } from '../../auth/user.js';
import { txOrThrow } from '../../db/client.js';
import { organisations, roleGrants, users } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import { AppError } from '../../errors.js';
import { announcePowers, checkPowers, type TPowersChange } from './account-powers.js';
import { type TRoleGrantInput, ZRoleGrant } from './users.types.js';

/** Grants a role at an organisation; granting one the user already holds is a no-op. */
export function assignRole(deps: Deps, input: TRoleGrantInput & { userId: string; actor?: TAuthUser }): void {
  const actor = input.actor ?? SYSTEM_USER;
  const grant = ZRoleGrant.parse(input);
  txOrThrow(deps.db, () => {
    const user = deps.db.select().from(users).where(eq(users.id, input.userId)).get();
    if (!user) return new AppError('NOT_FOUND');
    const before = grantsOf(deps, user.id);
    const powers: TPowersChange = {
      actor,
      account: user,
      before,
      after: [...before, grant],
      changes: [],
      auditAction: 'user.assignRole',
    };
    const denied = checkPowers(deps, powers);
    if (denied) return denied;
    const failed = insertGrant(deps, actor, user.id, grant);
    if (failed) return failed;
    announcePowers(deps, powers);
    return undefined;
  });
}

/**
 * Shared with create-user, update-user and the user import, inside the caller's transaction. The one
 * place a grant row is written, so it also holds the line 三权分立 draws: one power per account.
 */
export function insertGrant(
  deps: Deps,
  actor: TAuthUser,
  userId: string,
  grant: TRoleGrantInput,
): AppError | undefined {
  const user = deps.db.select({ id: users.id }).from(users).where(eq(users.id, userId)).get();
  const org = deps.db
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.id, grant.orgId))
    .get();
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
  const conflict = powersConflict([...grantsOf(deps, userId), grant]);
  if (conflict) return conflict;
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
