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
export async function assignRole(
  deps: Deps,
  input: TRoleGrantInput & { userId: string; actor?: TAuthUser },
): Promise<void> {
  const actor = input.actor ?? SYSTEM_USER;
  const grant = ZRoleGrant.parse(input);
  await txOrThrow(deps.db, async () => {
    const user = (await deps.db.select().from(users).where(eq(users.id, input.userId)).limit(1))[0];
    if (!user) return new AppError('NOT_FOUND');
    const before = await grantsOf(deps, user.id);
    const powers: TPowersChange = {
      actor,
      account: user,
      before,
      after: [...before, grant],
      changes: [],
      auditAction: 'user.assignRole',
    };
    const denied = await checkPowers(deps, powers);
    if (denied) return denied;
    const failed = await insertGrant(deps, actor, user.id, grant);
    if (failed) return failed;
    await announcePowers(deps, powers);
    return undefined;
  });
}

/**
 * Shared with create-user, update-user and the user import, inside the caller's transaction. The one
 * place a grant row is written, so it also holds the line 三权分立 draws: one power per account.
 */
export async function insertGrant(
  deps: Deps,
  actor: TAuthUser,
  userId: string,
  grant: TRoleGrantInput,
): Promise<AppError | undefined> {
  const user = (await deps.db.select({ id: users.id }).from(users).where(eq(users.id, userId)).limit(1))[0];
  const org = (
    await deps.db.select({ id: organisations.id }).from(organisations).where(eq(organisations.id, grant.orgId)).limit(1)
  )[0];
  if (!user) return new AppError('NOT_FOUND');
  if (!org) {
    return new AppError('VALIDATION', {
      status: 422,
      fieldErrors: { orgId: { 'zh-CN': '单位不存在', en: 'The organisation does not exist' } },
    });
  }
  const exists = (
    await deps.db
      .select()
      .from(roleGrants)
      .where(and(eq(roleGrants.userId, userId), eq(roleGrants.role, grant.role), eq(roleGrants.orgId, grant.orgId)))
      .limit(1)
  )[0];
  if (exists) return undefined;
  const conflict = powersConflict([...(await grantsOf(deps, userId)), grant]);
  if (conflict) return conflict;
  await deps.db.insert(roleGrants).values({ userId, role: grant.role, orgId: grant.orgId });
  await appendAudit(deps.db, {
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
