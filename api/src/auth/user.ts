import type { RoleGrant } from '../engine.js';
import { and, eq, gt, isNull, lte } from 'drizzle-orm';
import type { Deps } from '../deps.js';
import { delegations, roleGrants, users, type TUserRow } from '../db/schema.js';
import { isPrivilegedRole, zRole } from '../engine.js';

/** The signed-in person as every use-case sees them: identity plus role grants over the org tree. */
export type TAuthUser = {
  id: string;
  username: string;
  displayName: string;
  locale: 'zh-CN' | 'en';
  /** Own grants plus, during a standing delegation, the delegators' own grants. */
  roles: RoleGrant[];
  /** Whose grants are held by delegation now, and which: acts that need them record both names. */
  actingFor?: Array<{ userId: string; displayName: string; roles: RoleGrant[] }>;
};

/** The scheduler and seeds act as `system`: no session, no roles, trusted code only. */
export const SYSTEM_USER: TAuthUser = { id: 'system', username: 'system', displayName: '系统', locale: 'zh-CN', roles: [] };
export const isSystem = (u: TAuthUser): boolean => u === SYSTEM_USER || u.id === SYSTEM_USER.id;

/** Grant rows as the engine types them; a role the code no longer knows is ignored, not trusted. */
function parseGrants(grants: Array<{ role: string; orgId: string }>): RoleGrant[] {
  const roles: RoleGrant[] = [];
  for (const g of grants) {
    const parsed = zRole.safeParse(g.role);
    if (parsed.success) roles.push({ role: parsed.data, orgId: g.orgId });
  }
  return roles;
}

export function toAuthUser(row: TUserRow, grants: Array<{ role: string; orgId: string }>): TAuthUser {
  return { id: row.id, username: row.username, displayName: row.displayName, locale: row.locale, roles: parseGrants(grants) };
}

export function loadAuthUser(deps: Pick<Deps, 'db'> & Partial<Pick<Deps, 'clock'>>, userId: string): TAuthUser | null {
  const row = deps.db.select().from(users).where(eq(users.id, userId)).get();
  if (!row || row.disabled) return null;
  const grants = deps.db.select().from(roleGrants).where(eq(roleGrants.userId, userId)).all();
  const user = toAuthUser(row, grants);
  const actingFor = activeDelegations(deps, userId, (deps.clock?.() ?? new Date()).toISOString());
  if (actingFor.length === 0) return user;
  const own = new Set(user.roles.map((g) => `${g.role}@${g.orgId}`));
  const extra = actingFor.flatMap((a) => a.roles).filter((g) => !own.has(`${g.role}@${g.orgId}`));
  return { ...user, roles: [...user.roles, ...extra], actingFor };
}

/** Delegations in force now: only the delegators' own grants pass, so a delegation never chains. */
function activeDelegations(deps: Pick<Deps, 'db'>, toUserId: string, now: string): NonNullable<TAuthUser['actingFor']> {
  const rows = deps.db
    .select({ fromUserId: delegations.fromUserId, displayName: users.displayName, disabled: users.disabled })
    .from(delegations)
    .innerJoin(users, eq(users.id, delegations.fromUserId))
    .where(and(eq(delegations.toUserId, toUserId), lte(delegations.startsAt, now), gt(delegations.endsAt, now), isNull(delegations.revokedAt)))
    .all();
  return rows
    .filter((r) => !r.disabled)
    .map((r) => {
      const from = deps.db.select().from(roleGrants).where(eq(roleGrants.userId, r.fromUserId)).all();
      // The three powers are not delegable (三权分立): they are personal, and held only with two-factor sign-in.
      const roles = parseGrants(from).filter((g) => !isPrivilegedRole(g.role));
      return { userId: r.fromUserId, displayName: r.displayName, roles };
    });
}
