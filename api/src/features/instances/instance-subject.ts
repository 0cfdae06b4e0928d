import { subject } from '@casl/ability';
import { and, eq, inArray, sql } from 'drizzle-orm';

import type { TInstanceSubject } from '../../auth/ability.js';
import type { TFieldMap } from '../../auth/ability-sql.js';
import type { TAuthUser } from '../../auth/user.js';
import { instanceParticipants, instances, type TInstanceRow, users } from '../../db/schema.js';
import type { TOn } from '../../db/sql-dialect.js';
import type { Deps } from '../../deps.js';
import { ROLES, type TRole } from '../../engine.js';
import { instancesWithOpenTaskFor, waitsOn } from '../tasks/candidate-match.js';
import { participantRoleRows, participantUserIds } from './instance-rows.js';

/**
 * Instance columns rules may test, for this viewer. `participantIds` holds the people recorded on the
 * instance plus, dynamically, the viewer when an open task waits on them (by name or by a role they hold
 * there): whoever has work on an instance may open it, even if the grant came after the task opened.
 */
export function instanceFields(viewer: TAuthUser, on: TOn): TFieldMap {
  return {
    id: instances.id,
    definitionId: instances.definitionId,
    subjectOrgId: instances.subjectOrgId,
    subjectGroupId: instances.subjectGroupId,
    districtId: instances.districtId,
    createdBy: instances.createdBy,
    status: instances.status,
    // One `id IN (UNION of indexed lookups)`: an OR of correlated EXISTS made every list scan the table.
    participantIds: (_op, values) => {
      const recorded = sql`select p.instance_id from ${instanceParticipants} p where p.user_id in ${values}`;
      const ids = values.includes(viewer.id)
        ? sql`${recorded} union ${instancesWithOpenTaskFor(on, viewer)}`
        : recorded;
      return sql`${instances.id} in (${ids})`;
    },
  };
}

/** The same membership, for one loaded row (what ability.can sees). */
export async function participantIds(
  deps: Pick<Deps, 'db'>,
  instanceId: string,
  viewer?: TAuthUser,
): Promise<string[]> {
  const ids = await participantUserIds(deps.db, instanceId);
  if (viewer && !ids.includes(viewer.id)) {
    if (await waitsOn(deps.db, instanceId, viewer)) ids.push(viewer.id);
  }
  return ids;
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

/** The loaded row as a CASL subject for this viewer, ready for ability.can(action, …). */
export const instanceSubject = async (deps: Pick<Deps, 'db'>, row: TInstanceRow, viewer: TAuthUser) =>
  subject('Instance', toInstanceSubject(row, await participantIds(deps, row.id, viewer)));

type TParticipantRow = { userId: string; role: string };

/** The instance's participant rows (a handful): read once per event, shared by the two steps below. */
export async function participantRows(deps: Pick<Deps, 'db'>, instanceId: string): Promise<TParticipantRow[]> {
  return await participantRoleRows(deps.db, instanceId);
}

/**
 * Records people involved in an instance (assignments by role, users named on tasks). The list only grows:
 * an expert who reviewed keeps read access to what they reviewed after their task closes. `current`: the
 * rows the instance has (read here if not given); only the missing ones are checked and written, so the
 * usual event, whose people are all recorded already, writes nothing.
 */
export async function addParticipants(
  deps: Pick<Deps, 'db'>,
  instanceId: string,
  people: Array<{ userId: string; role: string }>,
  current?: TParticipantRow[],
): Promise<TParticipantRow[]> {
  const rows = current ?? (await participantRows(deps, instanceId));
  const key = (p: TParticipantRow) => `${p.userId}\u0000${p.role}`;
  const have = new Set(rows.map(key));
  const unique = new Map(people.filter((p) => !have.has(key(p))).map((p) => [key(p), p]));
  if (unique.size === 0) return rows;
  // Only real accounts: 'system' and stale ids never become participants.
  const ids = [...new Set([...unique.values()].map((p) => p.userId))];
  const known = new Set(
    (await deps.db.select({ id: users.id }).from(users).where(inArray(users.id, ids))).map((u) => u.id),
  );
  for (const [k, p] of unique) if (!known.has(p.userId)) unique.delete(k);
  if (unique.size === 0) return rows;
  const added = [...unique.values()].map((p) => ({ userId: p.userId, role: p.role }));
  await deps.db
    .insert(instanceParticipants)
    .values(added.map((p) => ({ instanceId, ...p })))
    .onConflictDoNothing();
  return [...rows, ...added];
}

type Parties = { assignments: Partial<Record<TRole, string[]>>; readers: string[] };

/**
 * Who an event took off the instance: people no longer on any assignment (experts replaced, an inspector
 * reassigned), no longer copied in, or handed over (REASSIGN's `from`: the engine swapped them out of
 * every seat, task and copy).
 */
export function leaversOf(
  before: Parties,
  after: Parties,
  event: { type: string; data?: Record<string, unknown> },
): { assignees: string[]; readers: string[] } {
  const held = (p: Parties) => new Set(Object.values(p.assignments).flatMap((ids) => ids ?? []));
  const still = held(after);
  const assignees = [...held(before)].filter((u) => !still.has(u));
  const readers = before.readers.filter((u) => !after.readers.includes(u));
  const from = event.type === 'REASSIGN' && typeof event.data?.from === 'string' ? event.data.from : null;
  if (from && !still.has(from)) assignees.push(from);
  if (from && !after.readers.includes(from)) readers.push(from);
  return { assignees: [...new Set(assignees)], readers: [...new Set(readers)] };
}

/**
 * Assignment roles give read access through instance_participants; someone taken off an assignment
 * (experts replaced by the bureau, an inspector reassigned) loses the access it gave, including the
 * `candidate` rows its tasks added, and someone taken off the copy list loses the `reader` row. Otherwise
 * the engine's own rows are left alone: whoever worked on an instance keeps reading it.
 */
export async function dropUnassigned(
  deps: Pick<Deps, 'db'>,
  instanceId: string,
  assignments: Partial<Record<TRole, string[]>>,
  leavers: { assignees: string[]; readers: string[] } = { assignees: [], readers: [] },
  known?: TParticipantRow[],
) {
  const rows = known ?? (await participantRows(deps, instanceId));
  // A delete only for the rows that go (usually none): a delete per role on every event was a tenth of
  // the event path (issue 11).
  const roles: ReadonlySet<string> = new Set(ROLES);
  const goes = (r: TParticipantRow) =>
    roles.has(r.role)
      ? !(assignments[r.role as TRole] ?? []).includes(r.userId)
      : (r.role === 'candidate' && leavers.assignees.includes(r.userId)) ||
        (r.role === 'reader' && leavers.readers.includes(r.userId));
  for (const r of rows.filter(goes))
    await deps.db
      .delete(instanceParticipants)
      .where(
        and(
          eq(instanceParticipants.instanceId, instanceId),
          eq(instanceParticipants.role, r.role),
          eq(instanceParticipants.userId, r.userId),
        ),
      );
}
