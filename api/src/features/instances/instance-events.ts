import { and, asc, eq } from 'drizzle-orm';

import { auditEvents, type TAuditEventRow } from '../../db/schema.js';
import type { Deps } from '../../deps.js';

/** An instance's successful events, oldest first (its 办理记录); refused attempts stay in the auditor's log. */
export const instanceEvents = async (deps: Pick<Deps, 'db'>, instanceId: string): Promise<TAuditEventRow[]> =>
  await deps.db
    .select()
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.entityType, 'Instance'),
        eq(auditEvents.entityId, instanceId),
        eq(auditEvents.outcome, 'success'),
      ),
    )
    .orderBy(asc(auditEvents.seq));
