import { and, asc, eq, gt, or, sql, type SQL } from 'drizzle-orm';
import type { AppAbility } from '../../auth/ability.js';
import { rulesToWhere } from '../../auth/ability-sql.js';
import { roleGrants, users } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import { decodeCursor, pageOf } from '../../lib/cursor.js';
import { userFields } from './user-subject.js';
import { userViews } from './user-view.js';
import type { TUserQuery } from './users.types.js';

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The people picker and the directory: CASL read rules in SQL, keyset on the (unique) username. */
export function listUsers(deps: Deps, input: { ability: AppAbility; query: TUserQuery }) {
  const q = input.query;
  const where: SQL[] = [rulesToWhere(input.ability, 'read', 'User', userFields)];
  if (q.role || q.orgId) {
    const grant = and(q.role ? eq(roleGrants.role, q.role) : undefined, q.orgId ? eq(roleGrants.orgId, q.orgId) : undefined);
    where.push(sql`${users.id} in (select ${roleGrants.userId} from ${roleGrants} where ${grant})`);
  }
  if (q.q) {
    const pattern = `%${escapeLike(q.q)}%`;
    const match = or(sql`${users.username} like ${pattern} escape '\\'`, sql`${users.displayName} like ${pattern} escape '\\'`);
    if (match) where.push(match);
  }
  const cursor = decodeCursor(q.cursor, 1);
  if (cursor) where.push(gt(users.username, String(cursor[0])));
  const rows = deps.db
    .select({
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      disabled: users.disabled,
      mustChangePassword: users.mustChangePassword,
      totpEnabledAt: users.totpEnabledAt,
      version: users.version,
    })
    .from(users)
    .where(and(...where))
    .orderBy(asc(users.username))
    .limit(q.limit + 1)
    .all();
  const page = pageOf(rows, q.limit, (r) => [r.username]);
  return { items: userViews(deps, page.items), nextCursor: page.nextCursor };
}

