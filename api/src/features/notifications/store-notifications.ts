import { and, eq, inArray, or, type SQL } from 'drizzle-orm';

import { notifications, roleGrants, users } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import type { Effect, TaskCandidate } from '../../engine.js';

/** The live accounts behind a notify effect's candidates: named users, and every holder of role@org. */
export function recipientsOf(deps: Pick<Deps, 'db'>, to: TaskCandidate[]): string[] {
  const named = to.flatMap((c) => ('userId' in c ? [c.userId] : []));
  const byRole: SQL[] = to.flatMap((c) =>
    'role' in c
      ? [
          and(eq(roleGrants.role, c.role), c.orgId === null ? undefined : eq(roleGrants.orgId, c.orgId)) ??
            eq(roleGrants.role, c.role),
        ]
      : [],
  );
  const who = or(
    named.length ? inArray(users.id, named) : undefined,
    ...(byRole.length
      ? [
          inArray(
            users.id,
            deps.db
              .select({ id: roleGrants.userId })
              .from(roleGrants)
              .where(or(...byRole)),
          ),
        ]
      : []),
  );
  if (!who) return [];
  return deps.db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.disabled, false), who))
    .all()
    .map((u) => u.id);
}

/** One unread row per recipient, inside the caller's transaction (apply-effects). */
export function storeNotifications(deps: Deps, instanceId: string, effect: Extract<Effect, { type: 'notify' }>): void {
  const recipients = recipientsOf(deps, effect.to);
  if (recipients.length === 0) return;
  const createdAt = deps.clock().toISOString();
  deps.db
    .insert(notifications)
    .values(
      recipients.map((userId) => ({
        id: crypto.randomUUID(),
        userId,
        kind: effect.kind,
        instanceId,
        state: effect.state,
        createdAt,
        readAt: null,
        reasons: effect.reasons?.length ? effect.reasons : null,
      })),
    )
    .run();
}
