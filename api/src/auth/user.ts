import { and, eq, gt, isNull } from 'drizzle-orm';

import { cachedByGeneration } from '../db/generation-cache.js';
import { delegations, roleGrants, type TUserRow, users } from '../db/schema.js';
import type { Deps } from '../deps.js';
import { isPrivilegedRole, type RoleGrant, zRole } from '../engine.js';
import { mapInTurn } from '../lib/in-turn.js';

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
export const SYSTEM_USER: TAuthUser = {
  id: 'system',
  username: 'system',
  displayName: '系统',
  locale: 'zh-CN',
  roles: [],
};
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
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    locale: row.locale,
    roles: parseGrants(grants),
  };
}

type TDelegationRow = { fromUserId: string; displayName: string; startsAt: string; endsAt: string; roles: RoleGrant[] };
type TPerson = { user: TAuthUser; delegations: TDelegationRow[] } | null;

export async function loadAuthUser(
  deps: Pick<Deps, 'db'> & Partial<Pick<Deps, 'clock'>>,
  userId: string,
): Promise<TAuthUser | null> {
  // Every request loads its user: kept until an account, grant or delegation changes (any of them, anywhere).
  const now = (deps.clock?.() ?? new Date()).toISOString();
  const person = await cachedByGeneration(deps.db, 'people', userId, () => readPerson(deps, userId, now));
  if (!person) return null;
  const actingFor = person.delegations
    .filter((d) => d.startsAt <= now && now < d.endsAt)
    .map(({ fromUserId, displayName, roles }) => ({ userId: fromUserId, displayName, roles }));
  const { user } = person;
  if (actingFor.length === 0) return { ...user, roles: [...user.roles] };
  const own = new Set(user.roles.map((g) => `${g.role}@${g.orgId}`));
  const extra = actingFor.flatMap((a) => a.roles).filter((g) => !own.has(`${g.role}@${g.orgId}`));
  return { ...user, roles: [...user.roles, ...extra], actingFor };
}

async function readPerson(deps: Pick<Deps, 'db'>, userId: string, now: string): Promise<TPerson> {
  const row = (await deps.db.select().from(users).where(eq(users.id, userId)).limit(1))[0];
  if (!row || row.disabled) return null;
  const grants = await deps.db.select().from(roleGrants).where(eq(roleGrants.userId, userId));
  return { user: toAuthUser(row, grants), delegations: await standingDelegations(deps, userId, now) };
}

/** Delegations not revoked nor ended by `now` (in force, or to come): only the delegators' own grants pass, so a delegation never chains. */
async function standingDelegations(deps: Pick<Deps, 'db'>, toUserId: string, now: string): Promise<TDelegationRow[]> {
  const rows = await deps.db
    .select({
      fromUserId: delegations.fromUserId,
      displayName: users.displayName,
      disabled: users.disabled,
      startsAt: delegations.startsAt,
      endsAt: delegations.endsAt,
    })
    .from(delegations)
    .innerJoin(users, eq(users.id, delegations.fromUserId))
    .where(and(eq(delegations.toUserId, toUserId), gt(delegations.endsAt, now), isNull(delegations.revokedAt)));
  return await mapInTurn(
    rows.filter((r) => !r.disabled),
    async (r) => {
      const from = await deps.db.select().from(roleGrants).where(eq(roleGrants.userId, r.fromUserId));
      // The three powers are not delegable (三权分立): they are personal, and held only with two-factor sign-in.
      const roles = parseGrants(from).filter((g) => !isPrivilegedRole(g.role));
      return { fromUserId: r.fromUserId, displayName: r.displayName, startsAt: r.startsAt, endsAt: r.endsAt, roles };
    },
  );
}
