import { eq, sql } from 'drizzle-orm';
import type { MiddlewareHandler } from 'hono';

import type { AppEnv } from '../app-env.js';
import { prepared } from '../db/prepared.js';
import { users } from '../db/schema.js';
import type { Deps } from '../deps.js';
import { AppError } from '../errors.js';

/** What a user who must change their password may still do: see who they are, change it, or leave. */
const OPEN = new Set(['/api/me', '/api/auth/logout', '/api/auth/change-password', '/api/auth/login', '/api/health']);

/**
 * 等保 2.0: an initial or reset password is changed at first use. Until then every other API call is
 * 403 PASSWORD_CHANGE_REQUIRED — the console reacts by showing the change-password form.
 */
export function passwordChangeGate(deps: Deps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const user = c.get('user');
    if (user && !OPEN.has(c.req.path)) {
      // Every signed-in request asks: built once per connection (db/prepared.ts).
      const row = await prepared(deps.db, 'user.mustChangePassword', (d) =>
        d
          .select({ must: users.mustChangePassword })
          .from(users)
          .where(eq(users.id, sql.placeholder('id')))
          .prepare(),
      ).get({ id: user.id });
      if (row?.must) throw new AppError('PASSWORD_CHANGE_REQUIRED');
    }
    await next();
  };
}
