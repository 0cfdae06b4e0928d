import { and, eq } from 'drizzle-orm';

import { appendAudit } from '../../audit/append.js';
import { generatePassword } from '../../auth/generate-password.js';
import { hashPassword } from '../../auth/password.js';
import { rememberPreviousPassword } from '../../auth/password-history.js';
import { accountRefusal, grantsOf, holdsPower } from '../../auth/separation-of-duties.js';
import type { TAuthUser } from '../../auth/user.js';
import { txOrThrow } from '../../db/client.js';
import { roleGrants, sessions, users } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import { AppError } from '../../errors.js';
import { authorize } from '../authorize.js';
import { announcePowers, checkPowers, grantDiff, type TAccountChange, type TPowersChange } from './account-powers.js';
import { insertGrant } from './assign-role.js';
import { userSubject } from './user-subject.js';
import { userView } from './user-view.js';
import type { TUpdateUserBody, TUserItem } from './users.types.js';

const invalid = (field: string, zh: string, en: string) =>
  new AppError('VALIDATION', { status: 422, fieldErrors: { [field]: { 'zh-CN': zh, en } } });

/**
 * Edits a user's name, roles (the full set, replaced) or disabled flag, refusing a stale version.
 * Disabling ends the user's sessions at once; nobody disables themselves or changes their own roles.
 * A password reset issues a one-time password (and unlocks the account); a two-factor reset lets
 * someone who lost their phone enrol again. Who may change which account and which grant is 三权分立
 * (ability.ts, ADR 0014); the console sends every field, so only what differs counts as a change.
 */
export async function updateUser(
  deps: Deps,
  input: TUpdateUserBody & { id: string; actor: TAuthUser },
): Promise<TUserItem & { password?: string }> {
  const { actor } = input;
  // argon2 is slow on purpose: hash before the write lock is taken.
  const current = input.resetPassword
    ? (await deps.db.select().from(users).where(eq(users.id, input.id)).limit(1))[0]
    : undefined;
  const password = current ? generatePassword(current) : undefined;
  const passwordHash = password ? await hashPassword(password) : undefined;
  return await txOrThrow(deps.db, async () => {
    const row = (await deps.db.select().from(users).where(eq(users.id, input.id)).limit(1))[0];
    if (!row) return new AppError('NOT_FOUND');
    // Someone the caller cannot even see is not found, whatever was asked.
    const hidden = await authorize(deps, actor, {
      action: 'read',
      type: 'User',
      target: await userSubject(deps, row.id),
      entityId: row.id,
      auditAction: 'user.update',
      hideUnreadable: true,
    });
    if (hidden) return hidden;
    if (row.version !== input.expectedVersion) return new AppError('VERSION_CONFLICT');
    if (row.id === actor.id && input.disabled === true)
      return invalid('disabled', '不能停用自己的账户', 'You cannot disable your own account');
    const changes: TAccountChange[] = [];
    if (input.displayName !== undefined && input.displayName !== row.displayName) changes.push('rename');
    if (input.disabled !== undefined && input.disabled !== row.disabled)
      changes.push(input.disabled ? 'disable' : 'enable');
    if (passwordHash) changes.push('resetPassword');
    if (input.resetTwoFactor) changes.push('resetTwoFactor');
    const grantsBefore = await grantsOf(deps, row.id);
    const powers: TPowersChange = {
      actor,
      account: row,
      before: grantsBefore,
      after: input.roles ?? grantsBefore,
      changes,
      auditAction: 'user.update',
    };
    const { granted, revoked } = grantDiff(powers.before, powers.after);
    // Asking for no change at all still needs the right to change the account: the version moves on.
    const denied =
      changes.length === 0 && granted.length === 0 && revoked.length === 0
        ? await authorize(deps, actor, {
            action: 'update',
            type: 'User',
            target: await userSubject(deps, row.id),
            entityId: row.id,
            auditAction: 'user.update',
            message: accountRefusal(actor, holdsPower(grantsBefore)),
          })
        : await checkPowers(deps, powers);
    if (denied) return denied;
    const before = await userView(deps, row);
    const at = deps.clock().toISOString();
    await deps.db
      .update(users)
      .set({
        displayName: input.displayName ?? row.displayName,
        disabled: input.disabled ?? row.disabled,
        version: row.version + 1,
        ...(passwordHash ? { passwordHash, mustChangePassword: true, failedLogins: 0, lockedUntil: null } : {}),
        ...(input.resetTwoFactor ? { totpSecret: null, totpEnabledAt: null, totpLastStep: null } : {}),
      })
      .where(and(eq(users.id, row.id), eq(users.version, row.version)));
    if (passwordHash) await rememberPreviousPassword(deps.db, row.id, row.passwordHash, at);
    // Only what changed is written, so each new grant is one audited `user.assignRole`.
    for (const g of revoked)
      await deps.db
        .delete(roleGrants)
        .where(and(eq(roleGrants.userId, row.id), eq(roleGrants.role, g.role), eq(roleGrants.orgId, g.orgId)));
    for (const grant of granted) {
      const failed = await insertGrant(deps, actor, row.id, grant);
      // Throw, not return: a half-replaced set of grants must roll back with the rest.
      if (failed) throw failed;
    }
    if (input.disabled === true || passwordHash) await deps.db.delete(sessions).where(eq(sessions.userId, row.id));
    const updated = (await deps.db.select().from(users).where(eq(users.id, row.id)).limit(1))[0] ?? row;
    const after = await userView(deps, updated);
    await appendAudit(deps.db, {
      at,
      actor,
      action: 'user.update',
      entityType: 'User',
      entityId: row.id,
      outcome: 'success',
      before,
      after,
      meta: { resetPassword: Boolean(passwordHash), resetTwoFactor: Boolean(input.resetTwoFactor) },
    });
    await announcePowers(deps, powers);
    return password ? { ...after, password } : after;
  });
}
