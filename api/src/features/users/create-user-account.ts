import { eq } from 'drizzle-orm';

import { generatePassword } from '../../auth/generate-password.js';
import type { TAuthUser } from '../../auth/user.js';
import { users } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import { createUser } from './create-user.js';
import { userView } from './user-view.js';
import type { TCreateUserBody, TUserItem } from './users.types.js';

/**
 * The console's "new user": with no password given one is generated, returned this once, and must be
 * changed at the first sign-in (an administrator should never know a working password of someone else).
 */
export async function createUserAccount(
  deps: Deps,
  input: TCreateUserBody & { actor: TAuthUser },
): Promise<TUserItem & { password?: string }> {
  const generated = input.password ? undefined : generatePassword(input);
  const created = await createUser(deps, {
    actor: input.actor,
    username: input.username,
    displayName: input.displayName,
    password: input.password ?? generated,
    locale: input.locale,
    mustChangePassword: generated !== undefined,
    roles: input.roles,
  });
  const row = (await deps.db.select().from(users).where(eq(users.id, created.id)).limit(1))[0];
  if (!row) throw new Error('unreachable: the user was just created');
  return { ...(await userView(deps, row)), ...(generated ? { password: generated } : {}) };
}
