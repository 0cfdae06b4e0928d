import { and, asc, eq } from 'drizzle-orm';
import type { AppAbility } from '../../auth/ability.js';
import type { TAuthUser } from '../../auth/user.js';
import { auditEvents, type TAuditEventRow } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import { readableInstance } from './get-instance.js';

/**
 * The instance's trail, oldest first: who moved it, from where to where, with what comment. Refused
 * attempts are left to the auditor's log: readers of an instance need not learn who probed it.
 */
export function getHistory(deps: Deps, input: { user: TAuthUser; ability: AppAbility; id: string }): { items: TAuditEventRow[] } {
  readableInstance(deps, input.user, input.ability, input.id);
  const items = deps.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.entityType, 'Instance'), eq(auditEvents.entityId, input.id), eq(auditEvents.outcome, 'success')))
    .orderBy(asc(auditEvents.seq))
    .all();
  return { items };
}
