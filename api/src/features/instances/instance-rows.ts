import { and, eq, min, sql } from 'drizzle-orm';

import type { Db } from '../../db/client.js';
import { prepared } from '../../db/prepared.js';
import { instanceParticipants, instances, tasks, type TInstanceRow } from '../../db/schema.js';

/**
 * The statements every event runs on its instance, each built once per connection (db/prepared.ts):
 * building their SQL again per event was most of drizzle's share of an event's CPU (issue 11).
 */
const ph = sql.placeholder;
/**
 * A placeholder in an UPDATE's SET: drizzle wraps it in the column's parameter and maps the value given
 * at run time through the column (JSON text for json columns) — only its types do not say so.
 */
const col = <T>(name: string) => ph(name) as unknown as T;

export const instanceRow = async (db: Db, id: string): Promise<TInstanceRow | undefined> =>
  await prepared(db, 'instance.row', (d) =>
    d
      .select()
      .from(instances)
      .where(eq(instances.id, ph('id')))
      .prepare(),
  ).get({ id });

type TMoved = Pick<
  TInstanceRow,
  'snapshot' | 'data' | 'state' | 'status' | 'outcome' | 'version' | 'updatedAt' | 'period' | 'title'
>;

/** The engine's step written back, only if the row still has the version it was read at (changes: 0 if not). */
export const writeStep = (db: Db, id: string, readVersion: number, next: TMoved) =>
  prepared(db, 'instance.step', (d) =>
    d
      .update(instances)
      .set({
        snapshot: col<TMoved['snapshot']>('snapshot'),
        data: col<TMoved['data']>('data'),
        state: col<TMoved['state']>('state'),
        status: col<TMoved['status']>('status'),
        outcome: col<TMoved['outcome']>('outcome'),
        version: col<TMoved['version']>('version'),
        updatedAt: col<TMoved['updatedAt']>('updatedAt'),
        period: col<TMoved['period']>('period'),
        title: col<TMoved['title']>('title'),
      })
      .where(and(eq(instances.id, ph('id')), eq(instances.version, ph('readVersion'))))
      .prepare(),
  ).run({ ...next, id, readVersion });

export const earliestOpenDue = async (db: Db, instanceId: string): Promise<string | null> =>
  (
    await prepared(db, 'instance.earliestDue', (d) =>
      d
        .select({ dueAt: min(tasks.dueAt) })
        .from(tasks)
        .where(and(eq(tasks.instanceId, ph('instanceId')), eq(tasks.status, 'open')))
        .prepare(),
    ).get({ instanceId })
  )?.dueAt ?? null;

/**
 * Sets due_at only when it moved: an unchanged row is not rewritten (nor its tally triggers run). The
 * null-safe comparison is the standard `is distinct from`, which SQLite (3.39+) and PostgreSQL both read.
 */
export const moveDue = (db: Db, instanceId: string, dueAt: string | null) =>
  prepared(db, 'instance.moveDue', (d) =>
    d
      .update(instances)
      .set({ dueAt: col<string | null>('dueAt') })
      .where(and(eq(instances.id, ph('instanceId')), sql`${instances.dueAt} is distinct from ${ph('dueAt')}`))
      .prepare(),
  ).run({ instanceId, dueAt });

export const participantUserIds = async (db: Db, instanceId: string): Promise<string[]> =>
  (
    await prepared(db, 'instance.participantIds', (d) =>
      d
        .selectDistinct({ userId: instanceParticipants.userId })
        .from(instanceParticipants)
        .where(eq(instanceParticipants.instanceId, ph('instanceId')))
        .prepare(),
    ).all({ instanceId })
  ).map((r) => r.userId);

export const participantRoleRows = async (
  db: Db,
  instanceId: string,
): Promise<Array<{ userId: string; role: string }>> =>
  await prepared(db, 'instance.participantRows', (d) =>
    d
      .select({ userId: instanceParticipants.userId, role: instanceParticipants.role })
      .from(instanceParticipants)
      .where(eq(instanceParticipants.instanceId, ph('instanceId')))
      .prepare(),
  ).all({ instanceId });
