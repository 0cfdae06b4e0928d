import type { Context } from 'hono';

import type { AppAbility } from './auth/ability.js';
import type { TAuthUser } from './auth/user.js';
import type { TSessionRow } from './db/schema.js';
import { AppError } from './errors.js';

export type AppEnv = {
  Variables: {
    user: TAuthUser | null;
    ability: AppAbility | null;
    session: TSessionRow | null;
  };
};

/** The signed-in caller, or 401. Handlers call this instead of trusting a middleware ran. */
export function signedIn(c: Context<AppEnv>): { user: TAuthUser; ability: AppAbility; session: TSessionRow } {
  const user = c.get('user');
  const ability = c.get('ability');
  const session = c.get('session');
  if (!user || !ability || !session) throw new AppError('UNAUTHENTICATED');
  return { user, ability, session };
}
