import { eq } from 'drizzle-orm';

import { roleGrants } from '../db/schema.js';
import type { Deps } from '../deps.js';
import { isPrivilegedRole, PRIVILEGED_ROLES, type RoleGrant, type TRole, zRole } from '../engine.js';
import { AppError, type TLocalized } from '../errors.js';
import { ROLE_EN, ROLE_ZH } from './role-labels.js';

/**
 * 三权分立 (等保 2.0 level 3, ADR 0014): the system administrator (bureauAdmin), the security
 * administrator and the auditor are three people. Who may change what is in ability.ts; this module
 * holds the rule no permission can express (one account, at most one power) and the words for refusals.
 */

/** An account's own grants as stored (a role name the code no longer knows is left out). */
export async function grantsOf(deps: Pick<Deps, 'db'>, userId: string): Promise<RoleGrant[]> {
  return (
    await deps.db
      .select({ role: roleGrants.role, orgId: roleGrants.orgId })
      .from(roleGrants)
      .where(eq(roleGrants.userId, userId))
  ).flatMap((g) => {
    const role = zRole.safeParse(g.role);
    return role.success ? [{ role: role.data, orgId: g.orgId }] : [];
  });
}

export const holdsPower = (roles: ReadonlyArray<{ role: TRole }>): boolean =>
  roles.some((g) => isPrivilegedRole(g.role));

const both = (a: TRole, b: TRole): TLocalized => ({
  'zh-CN': `三权分立：同一账户不能同时拥有“${ROLE_ZH[a]}”和“${ROLE_ZH[b]}”角色。`,
  en: `Separation of duties: one account cannot hold both ${ROLE_EN[a]} and ${ROLE_EN[b]}.`,
});

/** 422 SEPARATION_OF_DUTIES naming the two powers when a set of grants holds more than one, else null. */
export function powersConflict(roles: ReadonlyArray<{ role: TRole }>): AppError | null {
  const held = new Set(roles.map((g) => g.role));
  const powers = PRIVILEGED_ROLES.filter((r) => held.has(r));
  const [a, b] = powers;
  if (!a || !b) return null;
  const message = both(a, b);
  return new AppError('SEPARATION_OF_DUTIES', {
    message,
    fieldErrors: { roles: message },
    rule: 'roles.separationOfDuties',
  });
}

/** Why a change was refused, in words a person can act on (the generic 403 would leave them guessing). */
export const REFUSAL = {
  privilegedAccount: {
    'zh-CN':
      '三权分立：系统管理员、安全管理员和审计员的账户由安全管理员管理（改名、停用、重置密码或两步验证、调整角色）。',
    en: 'Separation of duties: accounts of system administrators, security administrators and auditors are managed by a security administrator (renaming, disabling, resetting the password or two-factor, roles).',
  },
  ordinaryAccount: {
    'zh-CN': '普通账户的姓名、状态和密码由教委管理员维护；安全管理员只调整角色授权。',
    en: 'Ordinary accounts’ names, status and passwords are kept by a bureau admin; a security administrator changes only role grants.',
  },
  ownRoles: { 'zh-CN': '不能修改自己的角色。', en: 'Nobody can change their own roles.' },
  privilegedRole: (role: TRole): TLocalized => ({
    'zh-CN': `三权分立：“${ROLE_ZH[role]}”角色只能由安全管理员授予或撤销。`,
    en: `Separation of duties: only a security administrator grants or revokes the ${ROLE_EN[role]} role.`,
  }),
} as const;

/** The message for a refused grant change (the permission itself is decided by ability.ts); undefined: the generic 403. */
export function grantRefusal(
  actorId: string,
  change: { role: TRole; userId: string; accountPrivileged: boolean },
): TLocalized | undefined {
  if (change.userId === actorId) return REFUSAL.ownRoles;
  if (isPrivilegedRole(change.role)) return REFUSAL.privilegedRole(change.role);
  return change.accountPrivileged ? REFUSAL.privilegedAccount : undefined;
}

/** The message for a refused change to an account itself (name, status, password, two-factor). */
export function accountRefusal(
  actor: { roles: ReadonlyArray<{ role: TRole }> },
  accountPrivileged: boolean,
): TLocalized | undefined {
  if (accountPrivileged) return REFUSAL.privilegedAccount;
  return actor.roles.some((g) => g.role === 'securityAdmin') ? REFUSAL.ordinaryAccount : undefined;
}
