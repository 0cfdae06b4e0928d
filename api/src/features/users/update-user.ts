import { and, eq } from 'drizzle-orm';
import { appendAudit } from '../../audit/append.js';
import type { TAuthUser } from '../../auth/user.js';
import { generatePassword } from '../../auth/generate-password.js';
import { hashPassword } from '../../auth/password.js';
import { rememberPreviousPassword } from '../../auth/password-history.js';
import { txOrThrow } from '../../db/client.js';
import { roleGrants, sessions, users } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import { AppError } from '../../errors.js';
import { authorize } from '../authorize.js';
import { insertGrant } from './assign-role.js';
import { userSubject } from './user-subject.js';
import { userView } from './user-view.js';
import type { TUpdateUserBody, TUserItem } from './users.types.js';

const invalid = (field: string, zh: string, en: string) =>
  new AppError('VALIDATION', { status: 422, fieldErrors: { [field]: { 'zh-CN': zh, en } } });

/**
 * Edits a user's name, roles (the full set, replaced) or disabled flag, refusing a stale version.
 * Disabling ends the user's sessions at once; an administrator cannot disable or demote themselves,
 * which could leave the district without one. A password reset issues a one-time password (and unlocks
 * the account); a two-factor reset lets someone who lost their phone enrol again.
 */
export async function updateUser(deps: Deps, input: TUpdateUserBody & { id: string; actor: TAuthUser }): Promise<TUserItem & { password?: string }> {
  const { actor } = input;
  // argon2 is slow on purpose: hash before the write lock is taken.
  const current = input.resetPassword ? deps.db.select().from(users).where(eq(users.id, input.id)).get() : undefined;
  const password = current ? generatePassword(current) : undefined;
  const passwordHash = password ? await hashPassword(password) : undefined;
  return txOrThrow(deps.db, () => {
    const row = deps.db.select().from(users).where(eq(users.id, input.id)).get();
    if (!row) return new AppError('NOT_FOUND');
    const denied = authorize(deps, actor, {
      action: 'update',
      type: 'User',
      target: userSubject(deps, row.id),
      entityId: row.id,
      auditAction: 'user.update',
      hideUnreadable: true,
    });
    if (denied) return denied;
    if (row.version !== input.expectedVersion) return new AppError('VERSION_CONFLICT');
    if (row.id === actor.id && input.disabled === true) return invalid('disabled', '不能停用自己的账户', 'You cannot disable your own account');
    if (row.id === actor.id && input.roles && !input.roles.some((g) => g.role === 'bureauAdmin')) {
      return invalid('roles', '不能取消自己的管理员角色', 'You cannot remove your own administrator role');
    }
    const before = userView(deps, row);
    const at = deps.clock().toISOString();
    deps.db
      .update(users)
      .set({
        displayName: input.displayName ?? row.displayName,
        disabled: input.disabled ?? row.disabled,
        version: row.version + 1,
        ...(passwordHash ? { passwordHash, mustChangePassword: true, failedLogins: 0, lockedUntil: null } : {}),
        ...(input.resetTwoFactor ? { totpSecret: null, totpEnabledAt: null, totpLastStep: null } : {}),
      })
      .where(and(eq(users.id, row.id), eq(users.version, row.version)))
      .run();
    if (passwordHash) rememberPreviousPassword(deps.db, row.id, row.passwordHash, at);
    if (input.roles) {
      deps.db.delete(roleGrants).where(eq(roleGrants.userId, row.id)).run();
      for (const grant of input.roles) {
        const failed = insertGrant(deps, actor, row.id, grant);
        // Throw, not return: a half-replaced set of grants must roll back with the rest.
        if (failed) throw failed;
      }
    }
    if (input.disabled === true || passwordHash) deps.db.delete(sessions).where(eq(sessions.userId, row.id)).run();
    const updated = deps.db.select().from(users).where(eq(users.id, row.id)).get() ?? row;
    const after = userView(deps, updated);
    appendAudit(deps.db, {
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
    return password ? { ...after, password } : after;
  });
}
