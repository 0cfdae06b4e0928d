import { eq } from 'drizzle-orm';

import { appendAudit } from '../../audit/append.js';
import { hashPassword } from '../../auth/password.js';
import { assertPasswordPolicy } from '../../auth/password-policy.js';
import { SYSTEM_USER, type TAuthUser } from '../../auth/user.js';
import { txOrThrow } from '../../db/client.js';
import { type TUserRow, users } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import { AppError } from '../../errors.js';
import { announcePowers, checkPowers, type TPowersChange } from './account-powers.js';
import { insertGrant } from './assign-role.js';
import { type TCreateUser, ZCreateUser } from './users.types.js';

export type TCreatedUser = Omit<TUserRow, 'passwordHash' | 'totpSecret' | 'totpLastStep'>;

/** Creates an account (argon2id hash) with its role grants, in one transaction. Used by seeds too. */
export async function createUser(deps: Deps, input: TCreateUser & { actor?: TAuthUser }): Promise<TCreatedUser> {
  const actor = input.actor ?? SYSTEM_USER;
  const data = ZCreateUser.parse(input);
  if (data.password) assertPasswordPolicy(data.password, data);
  const passwordHash = data.passwordHash ?? (await hashPassword(data.password ?? ''));
  return await txOrThrow(deps.db, () => insertUser(deps, actor, { ...data, roles: data.roles ?? [], passwordHash }));
}

export type TNewAccount = Pick<
  TUserRow,
  'username' | 'displayName' | 'passwordHash' | 'locale' | 'mustChangePassword'
> & { roles: TPowersChange['after'] };

/**
 * Writes one account and its grants inside the caller's transaction — createUser's, or the sheet
 * import's (`via: 'import'`, kept in the audit event): 三权分立 checked, a taken username refused (returned,
 * so the refusal commits), the creation audited and the auditors told of new powers.
 */
export async function insertUser(
  deps: Deps,
  actor: TAuthUser,
  data: TNewAccount,
  via?: string,
): Promise<TCreatedUser | AppError> {
  const id = crypto.randomUUID();
  const powers: TPowersChange = {
    actor,
    account: { id, username: data.username, displayName: data.displayName },
    before: [],
    after: data.roles,
    changes: ['create'],
    auditAction: 'user.create',
  };
  const denied = await checkPowers(deps, powers);
  if (denied) return denied;
  if ((await deps.db.select({ id: users.id }).from(users).where(eq(users.username, data.username)).limit(1))[0]) {
    return new AppError('VALIDATION', {
      status: 422,
      fieldErrors: { username: { 'zh-CN': '用户名已存在', en: 'This username is taken' } },
    });
  }
  const row: TUserRow = {
    id,
    username: data.username,
    displayName: data.displayName,
    passwordHash: data.passwordHash,
    locale: data.locale,
    failedLogins: 0,
    lockedUntil: null,
    disabled: false,
    createdAt: deps.clock().toISOString(),
    mustChangePassword: data.mustChangePassword,
    version: 1,
    passwordChangedAt: null,
    totpSecret: null,
    totpEnabledAt: null,
    totpLastStep: null,
  };
  await deps.db.insert(users).values(row);
  const { passwordHash: _secret, totpSecret: _totp, totpLastStep: _step, ...safe } = row;
  await appendAudit(deps.db, {
    at: row.createdAt,
    actor,
    action: 'user.create',
    entityType: 'User',
    entityId: row.id,
    outcome: 'success',
    after: via ? { ...safe, via } : safe,
  });
  for (const grant of data.roles) {
    const failed = await insertGrant(deps, actor, row.id, grant);
    // Returning (not throwing) would commit half a user; throwing rolls the whole account back.
    if (failed) throw failed;
  }
  await announcePowers(deps, powers);
  return safe;
}
