import { and, eq, or, type SQL, sql } from 'drizzle-orm';

import type { AppAbility } from '../../auth/ability.js';
import { rulesToWhere } from '../../auth/ability-sql.js';
import { roleGrants, users } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import { resolveSort, sortedPage, type SortSpec } from '../../lib/sorted-keyset.js';
import { userFields } from './user-subject.js';
import { userViews } from './user-view.js';
import type { TUserQuery } from './users.types.js';

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The directory's sorts (issue 4); name and creation each have a (column, id) index (migration 0009). */
const USER_SORT: SortSpec<'username' | 'displayName' | 'createdAt'> = {
  fields: {
    username: { column: users.username },
    displayName: { column: users.displayName },
    createdAt: { column: users.createdAt },
  },
  id: users.id,
  defaultSort: 'username',
  defaultOrder: 'asc',
};

/** The people picker and the directory: CASL read rules in SQL, keyset on (sort column, id), username by default. */
export async function listUsers(deps: Deps, input: { ability: AppAbility; query: TUserQuery }) {
  const q = input.query;
  const where: SQL[] = [rulesToWhere(input.ability, 'read', 'User', userFields)];
  if (q.role || q.orgId) {
    const grant = and(
      q.role ? eq(roleGrants.role, q.role) : undefined,
      q.orgId ? eq(roleGrants.orgId, q.orgId) : undefined,
    );
    where.push(sql`${users.id} in (select ${roleGrants.userId} from ${roleGrants} where ${grant})`);
  }
  if (q.q) {
    const pattern = `%${escapeLike(q.q)}%`;
    const match = or(
      sql`${users.username} like ${pattern} escape '\\'`,
      sql`${users.displayName} like ${pattern} escape '\\'`,
    );
    if (match) where.push(match);
  }
  const plan = resolveSort(USER_SORT, q);
  const read = async (after: SQL | undefined, orderBy: SQL[], limit: number) =>
    await deps.db
      .select({
        id: users.id,
        username: users.username,
        displayName: users.displayName,
        disabled: users.disabled,
        mustChangePassword: users.mustChangePassword,
        totpEnabledAt: users.totpEnabledAt,
        version: users.version,
        createdAt: users.createdAt,
      })
      .from(users)
      .where(and(...where, after))
      .orderBy(...orderBy)
      .limit(limit);
  const page = await sortedPage(
    plan,
    q.limit,
    read,
    (r) => r[plan.field],
    (r) => r.id,
  );
  return { items: await userViews(deps, page.items), nextCursor: page.nextCursor };
}
