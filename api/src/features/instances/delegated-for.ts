import type { TAuthUser } from '../../auth/user.js';
import { type EngineEnv, type EngineEvent, type PersistedSnapshot, step, type TDefinition } from '../../engine.js';

/**
 * Whose delegated grants an accepted event needed: if the actor's own grants would have been refused,
 * the act was done in the delegators' stead, and the audit names them beside the actor (代理人 + 委托人).
 */
export function delegatedFor(
  def: TDefinition,
  snapshot: PersistedSnapshot,
  event: EngineEvent,
  actor: TAuthUser,
  env: EngineEnv,
): Array<{ id: string; displayName: string }> {
  if (!actor.actingFor?.length) return [];
  const delegated = new Set(actor.actingFor.flatMap((a) => a.roles.map((g) => `${g.role}@${g.orgId}`)));
  const own = actor.roles.filter((g) => !delegated.has(`${g.role}@${g.orgId}`));
  const alone = step(def, snapshot, event, { userId: actor.id, roles: own }, env);
  if (alone.ok || alone.code !== 'FORBIDDEN') return [];
  return actor.actingFor.map((a) => ({ id: a.userId, displayName: a.displayName }));
}
