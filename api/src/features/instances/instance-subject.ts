import { subject } from '@casl/ability';
import { eq, inArray, sql } from 'drizzle-orm';
import type { TInstanceSubject } from '../../auth/ability.js';
import type { TFieldMap } from '../../auth/ability-sql.js';
import { instanceParticipants, instances, users, type TInstanceRow } from '../../db/schema.js';
import type { Deps } from '../../deps.js';

/** Instance columns rules may test, and `participantIds` as an EXISTS over instance_participants. */
export const INSTANCE_FIELDS: TFieldMap = {
  id: instances.id,
  definitionId: instances.definitionId,
  subjectOrgId: instances.subjectOrgId,
  subjectGroupId: instances.subjectGroupId,
  districtId: instances.districtId,
  createdBy: instances.createdBy,
  status: instances.status,
  participantIds: (_op, values) =>
    sql`exists (select 1 from ${instanceParticipants} p where p.instance_id = ${instances.id} and p.user_id in ${values})`,
};

export function participantIds(deps: Pick<Deps, 'db'>, instanceId: string): string[] {
  const rows = deps.db
    .selectDistinct({ userId: instanceParticipants.userId })
    .from(instanceParticipants)
    .where(eq(instanceParticipants.instanceId, instanceId))
    .all();
  return rows.map((r) => r.userId);
}

export function toInstanceSubject(row: TInstanceRow, participants: string[]): TInstanceSubject {
  return {
    id: row.id,
    definitionId: row.definitionId,
    subjectOrgId: row.subjectOrgId,
    subjectGroupId: row.subjectGroupId,
    districtId: row.districtId,
    createdBy: row.createdBy,
    status: row.status,
    participantIds: participants,
  };
}

/** The loaded row as a CASL subject, ready for ability.can(action, …). */
export const instanceSubject = (deps: Pick<Deps, 'db'>, row: TInstanceRow) =>
  subject('Instance', toInstanceSubject(row, participantIds(deps, row.id)));

/**
 * Records people involved in an instance (assignments by role, users named on tasks). The list only grows:
 * an expert who reviewed keeps read access to what they reviewed after their task closes.
 */
export function addParticipants(deps: Pick<Deps, 'db'>, instanceId: string, people: Array<{ userId: string; role: string }>) {
  const unique = new Map(people.map((p) => [`${p.userId}\u0000${p.role}`, p]));
  if (unique.size === 0) return;
  // Only real accounts: 'system' and stale ids never become participants.
  const ids = [...new Set(people.map((p) => p.userId))];
  const known = new Set(deps.db.select({ id: users.id }).from(users).where(inArray(users.id, ids)).all().map((u) => u.id));
  for (const [k, p] of unique) if (!known.has(p.userId)) unique.delete(k);
  if (unique.size === 0) return;
  deps.db
    .insert(instanceParticipants)
    .values([...unique.values()].map((p) => ({ instanceId, userId: p.userId, role: p.role })))
    .onConflictDoNothing()
    .run();
}
