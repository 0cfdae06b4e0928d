import { eq } from 'drizzle-orm';

import { appendAudit } from '../../audit/append.js';
import { holdsPower } from '../../auth/separation-of-duties.js';
import { newTotpSecret, totpEnrolment, totpStep } from '../../auth/totp.js';
import { SYSTEM_USER, type TAuthUser } from '../../auth/user.js';
import { txOrThrow } from '../../db/client.js';
import { users } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import { AppError } from '../../errors.js';

const POWERS_ONLY = {
  'zh-CN': '两步验证面向系统管理员、安全管理员和审计员账户。',
  en: 'Two-factor sign-in is for system administrator, security administrator and auditor accounts.',
};

/**
 * Step one of two-factor enrolment (等保 2.0: administrators authenticate with two factors; for the
 * three powers it is required before anything else works, see two-factor-gate.ts): a new secret is
 * stored as pending; sign-in does not ask for codes until it is confirmed. Asking again before
 * confirming shows the same pending secret: a reloaded page must not leave the app holding a stale one.
 */
export async function enrolTotp(deps: Deps, input: { actor: TAuthUser }): Promise<{ secret: string; uri: string }> {
  if (!holdsPower(input.actor.roles)) throw new AppError('FORBIDDEN', { message: POWERS_ONLY });
  return await txOrThrow(deps.db, async () => {
    const row = (await deps.db.select().from(users).where(eq(users.id, input.actor.id)).limit(1))[0];
    if (!row) return new AppError('UNAUTHENTICATED');
    if (row.totpEnabledAt) {
      return new AppError('VALIDATION', {
        status: 409,
        message: { 'zh-CN': '已启用双因素认证。', en: 'Two-factor sign-in is already on.' },
      });
    }
    const enrolment = row.totpSecret ? totpEnrolment(row.username, row.totpSecret) : newTotpSecret(row.username);
    await deps.db.update(users).set({ totpSecret: enrolment.secret }).where(eq(users.id, row.id));
    await appendAudit(deps.db, {
      at: deps.clock().toISOString(),
      actor: input.actor,
      action: 'user.totpEnrol',
      entityType: 'User',
      entityId: row.id,
      outcome: 'success',
    });
    return enrolment;
  });
}

/** Step two: a correct code from the app proves it holds the secret; from now on sign-in needs a code. */
export async function confirmTotp(deps: Deps, input: { actor: TAuthUser; code: string }): Promise<void> {
  await txOrThrow(deps.db, async () => {
    const row = (await deps.db.select().from(users).where(eq(users.id, input.actor.id)).limit(1))[0];
    if (!row) return new AppError('UNAUTHENTICATED');
    if (!row.totpSecret || row.totpEnabledAt) {
      return new AppError('VALIDATION', {
        status: 409,
        message: { 'zh-CN': '请先开始绑定身份验证器。', en: 'Start the enrolment first.' },
      });
    }
    const at = deps.clock().toISOString();
    const step = totpStep(row.totpSecret, input.code, deps.clock());
    if (step === null) {
      await appendAudit(deps.db, {
        at,
        actor: input.actor,
        action: 'user.totpConfirm',
        entityType: 'User',
        entityId: row.id,
        outcome: 'denied',
      });
      return new AppError('TOTP_INVALID', { status: 422 });
    }
    await deps.db
      .update(users)
      .set({ totpEnabledAt: at, totpLastStep: step, version: row.version + 1 })
      .where(eq(users.id, row.id));
    await appendAudit(deps.db, {
      at,
      actor: input.actor,
      action: 'user.totpConfirm',
      entityType: 'User',
      entityId: row.id,
      outcome: 'success',
    });
    return undefined;
  });
}

/**
 * Seeds and test harnesses only (no route): the demo's privileged accounts start enrolled with a secret
 * printed at start-up, so a visitor can add it to an authenticator app. Audited like any enrolment.
 */
export async function presetTotp(
  deps: Deps,
  input: { userId: string; secret: string; actor?: TAuthUser },
): Promise<void> {
  const actor = input.actor ?? SYSTEM_USER;
  await txOrThrow(deps.db, async () => {
    const row = (await deps.db.select({ id: users.id }).from(users).where(eq(users.id, input.userId)).limit(1))[0];
    if (!row) return new AppError('NOT_FOUND');
    const at = deps.clock().toISOString();
    await deps.db
      .update(users)
      .set({ totpSecret: input.secret, totpEnabledAt: at, totpLastStep: null })
      .where(eq(users.id, row.id));
    await appendAudit(deps.db, {
      at,
      actor,
      action: 'user.totpPreset',
      entityType: 'User',
      entityId: row.id,
      outcome: 'success',
    });
    return undefined;
  });
}
