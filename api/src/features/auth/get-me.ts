import { packRules } from '@casl/ability/extra';
import { eq, inArray } from 'drizzle-orm';

import type { AppAbility } from '../../auth/ability.js';
import { mustEnrolTwoFactor } from '../../auth/two-factor-gate.js';
import type { TAuthUser } from '../../auth/user.js';
import { organisations, users } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import type { TMe } from './auth.types.js';

export async function getMe(
  deps: Deps,
  input: { user: TAuthUser; ability: AppAbility; csrfToken: string },
): Promise<TMe> {
  const { user } = input;
  const orgIds = [...new Set(user.roles.map((g) => g.orgId))];
  const orgs = orgIds.length
    ? await deps.db
        .select({ id: organisations.id, name: organisations.name })
        .from(organisations)
        .where(inArray(organisations.id, orgIds))
    : [];
  const names = new Map(orgs.map((o) => [o.id, o.name]));
  const account = (
    await deps.db
      .select({ mustChangePassword: users.mustChangePassword, totpEnabledAt: users.totpEnabledAt })
      .from(users)
      .where(eq(users.id, user.id))
      .limit(1)
  )[0];
  return {
    user: { id: user.id, username: user.username, displayName: user.displayName, locale: user.locale },
    roles: user.roles.map((g) => ({ role: g.role, orgId: g.orgId, orgName: names.get(g.orgId) ?? '' })),
    rules: packRules(input.ability.rules) as unknown[][],
    csrfToken: input.csrfToken,
    mustChangePassword: account?.mustChangePassword ?? false,
    twoFactor: Boolean(account?.totpEnabledAt),
    mustEnrolTwoFactor: mustEnrolTwoFactor(user, account),
  };
}
