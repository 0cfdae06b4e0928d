import { asc, eq, inArray } from 'drizzle-orm';

import { organisations, roleGrants, type TUserRow } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import { zRole } from '../../engine.js';
import type { TUserItem } from './users.types.js';

type TUserColumns = Pick<
  TUserRow,
  'id' | 'username' | 'displayName' | 'disabled' | 'mustChangePassword' | 'totpEnabledAt' | 'version'
>;

/** Users as the directory shows them: never a hash or a TOTP secret, grants with their org names. */
export async function userViews(deps: Pick<Deps, 'db'>, rows: TUserColumns[]): Promise<TUserItem[]> {
  if (rows.length === 0) return [];
  const grants = await deps.db
    .select({ userId: roleGrants.userId, role: roleGrants.role, orgId: roleGrants.orgId, orgName: organisations.name })
    .from(roleGrants)
    .innerJoin(organisations, eq(organisations.id, roleGrants.orgId))
    .where(
      inArray(
        roleGrants.userId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(asc(roleGrants.role), asc(organisations.name));
  return rows.map((r) => ({
    id: r.id,
    username: r.username,
    displayName: r.displayName,
    disabled: r.disabled,
    mustChangePassword: r.mustChangePassword,
    twoFactor: r.totpEnabledAt !== null,
    version: r.version,
    roles: grants.flatMap((g) => {
      const role = zRole.safeParse(g.role);
      return g.userId === r.id && role.success ? [{ role: role.data, orgId: g.orgId, orgName: g.orgName }] : [];
    }),
  }));
}

export async function userView(deps: Pick<Deps, 'db'>, row: TUserColumns): Promise<TUserItem> {
  const [view] = await userViews(deps, [row]);
  if (!view) throw new Error('unreachable: one row in, one view out');
  return view;
}
