import { and, eq, inArray, or, type SQL } from 'drizzle-orm';

import { instances, notifications, roleGrants, users } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import type { Effect, TaskCandidate } from '../../engine.js';

/** The live accounts behind a notify effect's candidates: named users, and every holder of role@org. */
export async function recipientsOf(deps: Pick<Deps, 'db'>, to: TaskCandidate[]): Promise<string[]> {
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
  return (
    await deps.db
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.disabled, false), who))
  ).map((u) => u.id);
}

/**
 * A notice that carries a note (the reason a part was returned) keeps it in its title, fixed when it
 * happened: the instance's title, then the note, so the recipient reads why without opening anything.
 */
async function titleWithNote(deps: Pick<Deps, 'db'>, instanceId: string, note: string) {
  const title = (
    await deps.db.select({ title: instances.title }).from(instances).where(eq(instances.id, instanceId)).limit(1)
  )[0]?.title;
  const short = note.length > 200 ? `${note.slice(0, 200)}…` : note;
  const join = (...parts: Array<string | undefined>) => parts.filter(Boolean).join(' · ');
  return { 'zh-CN': join(title?.['zh-CN'], `原因：${short}`), en: join(title?.en, `reason: ${short}`) };
}

/** One unread row per recipient, inside the caller's transaction (apply-effects). */
export async function storeNotifications(
  deps: Deps,
  instanceId: string,
  effect: Extract<Effect, { type: 'notify' }>,
): Promise<void> {
  const recipients = await recipientsOf(deps, effect.to);
  if (recipients.length === 0) return;
  const createdAt = deps.clock().toISOString();
  const title = effect.note ? await titleWithNote(deps, instanceId, effect.note) : null;
  await deps.db.insert(notifications).values(
    recipients.map((userId) => ({
      id: crypto.randomUUID(),
      userId,
      kind: effect.kind,
      instanceId,
      state: effect.state,
      title,
      createdAt,
      readAt: null,
      reasons: effect.reasons?.length ? effect.reasons : null,
    })),
  );
}
