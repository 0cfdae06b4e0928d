import { subject } from '@casl/ability';

import type { AppAbility } from '../providers/session';
import type { RoleCode } from '../types/contract';

/** 三权分立 (ADR 0014): the system admin, the security admin and the auditor — one per account. */
export const POWERS: readonly RoleCode[] = ['bureauAdmin', 'securityAdmin', 'auditor'];
export const holdsPower = (roles: ReadonlyArray<{ role: RoleCode }>): boolean =>
  roles.some((g) => POWERS.includes(g.role));

/** Why something is not offered, as an i18n key (with the role for `powers.privilegedRole`). */
export type Reason = { key: string; role?: RoleCode } | null;

/**
 * What the signed-in user may do to one account, read from the CASL rules the server sent (the same
 * subjects api/src/auth/ability.ts checks): change the account itself, and grant or revoke each role.
 * Only for hiding and explaining — the API decides every request.
 */
export function accountRights(
  ability: AppAbility,
  meId: string,
  account: { id: string; roles: ReadonlyArray<{ role: RoleCode }> } | null,
) {
  const privileged = account ? holdsPower(account.roles) : false;
  const userId = account?.id ?? '';
  const grant = (role: RoleCode) =>
    ability.can('grant', subject('RoleGrant', { role, userId, accountPrivileged: privileged }));
  const editAccount = account
    ? ability.can('update', subject('User', { id: userId, orgAncestorIds: [], privileged }))
    : true;
  const accountReason: Reason = editAccount
    ? null
    : { key: privileged ? 'powers.privilegedAccount' : 'powers.ordinaryAccount' };
  const grantReason = (role: RoleCode): Reason => {
    if (grant(role)) return null;
    if (account && account.id === meId) return { key: 'powers.ownRoles' };
    if (POWERS.includes(role)) return { key: 'powers.privilegedRole', role };
    return privileged ? { key: 'powers.privilegedAccount' } : { key: 'powers.notAllowed' };
  };
  return { privileged, editAccount, accountReason, grant, grantReason };
}
export type AccountRights = ReturnType<typeof accountRights>;

/** Whether the signed-in user may create an account holding a power (privileged) or not. */
export const canCreateAccount = (ability: AppAbility, privileged: boolean): boolean =>
  ability.can('create', subject('User', { id: '', orgAncestorIds: [], privileged }));
