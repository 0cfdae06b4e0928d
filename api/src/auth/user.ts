import type { RoleGrant } from '../engine.js';
import { eq } from 'drizzle-orm';
import type { Deps } from '../deps.js';
import { roleGrants, users, type TUserRow } from '../db/schema.js';
import { zRole } from '../engine.js';

/** The signed-in person as every use-case sees them: identity plus role grants over the org tree. */
export type TAuthUser = {
  id: string;
  username: string;
  displayName: string;
  locale: 'zh-CN' | 'en';
  roles: RoleGrant[];
};

/** The scheduler and seeds act as `system`: no session, no roles, trusted code only. */
export const SYSTEM_USER: TAuthUser = { id: 'system', username: 'system', displayName: '系统', locale: 'zh-CN', roles: [] };
export const isSystem = (u: TAuthUser): boolean => u === SYSTEM_USER || u.id === SYSTEM_USER.id;

export function toAuthUser(row: TUserRow, grants: Array<{ role: string; orgId: string }>): TAuthUser {
  const roles: RoleGrant[] = [];
  for (const g of grants) {
    const parsed = zRole.safeParse(g.role);
    if (parsed.success) roles.push({ role: parsed.data, orgId: g.orgId });
  }
  return { id: row.id, username: row.username, displayName: row.displayName, locale: row.locale, roles };
}

export function loadAuthUser(deps: Pick<Deps, 'db'>, userId: string): TAuthUser | null {
  const row = deps.db.select().from(users).where(eq(users.id, userId)).get();
  if (!row || row.disabled) return null;
  const grants = deps.db.select().from(roleGrants).where(eq(roleGrants.userId, userId)).all();
  return toAuthUser(row, grants);
}
