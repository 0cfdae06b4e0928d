import { subject } from '@casl/ability';
import { sql } from 'drizzle-orm';

import type { TFieldMap } from '../../auth/ability-sql.js';
import { grantsOf, holdsPower } from '../../auth/separation-of-duties.js';
import { roleGrants, users } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import type { TRole } from '../../engine.js';
import { flatMapInTurn } from '../../lib/in-turn.js';
import { orgPath } from '../orgs/org-path.js';

/**
 * `orgAncestorIds`: every organisation a user's grants sit at, with all their ancestors — "someone in
 * my org tree" is then `orgAncestorIds ∈ my grant orgs`. In SQL the tree is at most four levels deep
 * (district → group → school → department), so three parent joins reach every ancestor.
 */
export const userFields: TFieldMap = {
  id: users.id,
  orgAncestorIds: (_op, values) => sql`${users.id} in (select g.user_id from ${roleGrants} g
    join organisations o1 on o1.id = g.org_id
    left join organisations o2 on o2.id = o1.parent_id
    left join organisations o3 on o3.id = o2.parent_id
    where o1.id in ${values} or o2.id in ${values} or o3.id in ${values} or o3.parent_id in ${values})`,
};

/** The loaded user as a CASL subject (what ability.can sees); `privileged` when it holds one of the three powers. */
export async function userSubject(deps: Pick<Deps, 'db'>, userId: string) {
  const grants = await grantsOf(deps, userId);
  const ancestors = new Set(await flatMapInTurn(grants, async (g) => (await orgPath(deps, g.orgId)).map((o) => o.id)));
  return subject('User', { id: userId, orgAncestorIds: [...ancestors], privileged: holdsPower(grants) });
}

/** An account not created yet, with the grants it is to get (POST /users, imports). */
export const newUserSubject = (grants: ReadonlyArray<{ role: TRole }>) =>
  subject('User', { id: '', orgAncestorIds: [], privileged: holdsPower(grants) });
