import { and, asc, eq } from 'drizzle-orm';
import type { AppAbility } from '../../auth/ability.js';
import type { TAuthUser } from '../../auth/user.js';
import { auditEvents, type TAuditEventRow } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import { blindSpot } from '../../engine.js';
import { loadDefinition } from '../definitions/load-definition.js';
import { readableInstance } from './get-instance.js';

/**
 * The instance's trail, oldest first: who moved it, from where to where, with what comment. Refused
 * attempts are left to the auditor's log: readers of an instance need not learn who probed it.
 * During a blind review (独立评审) a reviewer sees neither the other reviewers' events nor the
 * computed notes (assigned experts, scores) other events carry: only type and comment remain.
 */
export function getHistory(deps: Deps, input: { user: TAuthUser; ability: AppAbility; id: string }): { items: TAuditEventRow[] } {
  const row = readableInstance(deps, input.user, input.ability, input.id);
  const items = deps.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.entityType, 'Instance'), eq(auditEvents.entityId, input.id), eq(auditEvents.outcome, 'success')))
    .orderBy(asc(auditEvents.seq))
    .all();
  const def = loadDefinition(deps, row.definitionId)?.def;
  const blind = def ? blindSpot(def, row.snapshot, input.user.id) : null;
  if (!blind) return { items };
  return {
    items: items
      .filter((e) => !e.actorId || !blind.actors.includes(e.actorId))
      .map((e) => (e.actorId === input.user.id ? e : { ...e, meta: pick(e.meta, ['type', 'comment', 'via']) })),
  };
}

function pick(meta: unknown, keys: string[]): Record<string, unknown> | null {
  if (!meta || typeof meta !== 'object') return null;
  return Object.fromEntries(Object.entries(meta).filter(([k]) => keys.includes(k)));
}
