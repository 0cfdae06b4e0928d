import { and, eq, ne } from 'drizzle-orm';
import { appendAudit } from '../../audit/append.js';
import { hashPassword, passwordPolicyError, verifyPassword } from '../../auth/password.js';
import type { TAuthUser } from '../../auth/user.js';
import { txOrThrow } from '../../db/client.js';
import { sessions, users } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import { AppError } from '../../errors.js';
import type { TChangePasswordBody } from './auth.types.js';

const invalid = (field: string, zh: string, en: string) =>
  new AppError('VALIDATION', { status: 422, fieldErrors: { [field]: { 'zh-CN': zh, en } } });

/**
 * The user changes their own password: the current one proves it is them, the new one must meet the
 * policy and differ. Clears "must change", and signs out every other session of this user (a password
 * change is what someone does when they suspect their account is used elsewhere).
 */
export async function changePassword(deps: Deps, input: TChangePasswordBody & { actor: TAuthUser; sessionId: string }): Promise<void> {
  const row = deps.db.select().from(users).where(eq(users.id, input.actor.id)).get();
  if (!row) throw new AppError('UNAUTHENTICATED');
  const policy = passwordPolicyError(input.newPassword);
  if (policy) throw new AppError('VALIDATION', { status: 422, fieldErrors: { newPassword: policy } });
  if (!(await verifyPassword(row.passwordHash, input.currentPassword))) {
    txOrThrow(deps.db, () =>
      appendAudit(deps.db, { at: deps.clock().toISOString(), actor: input.actor, action: 'user.changePassword', entityType: 'User', entityId: row.id, outcome: 'denied', meta: { reason: 'wrong-current-password' } }),
    );
    throw invalid('currentPassword', '当前密码不正确', 'The current password is wrong');
  }
  if (input.newPassword === input.currentPassword) throw invalid('newPassword', '新密码不能与当前密码相同', 'The new password must differ from the current one');
  const passwordHash = await hashPassword(input.newPassword);
  txOrThrow(deps.db, () => {
    const at = deps.clock().toISOString();
    deps.db
      .update(users)
      .set({ passwordHash, mustChangePassword: false, passwordChangedAt: at, version: row.version + 1 })
      .where(eq(users.id, row.id))
      .run();
    deps.db.delete(sessions).where(and(eq(sessions.userId, row.id), ne(sessions.id, input.sessionId))).run();
    appendAudit(deps.db, { at, actor: input.actor, action: 'user.changePassword', entityType: 'User', entityId: row.id, outcome: 'success' });
  });
}
