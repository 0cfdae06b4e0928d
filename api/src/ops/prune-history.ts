import { and, asc, eq, exists, gt, inArray, isNotNull, isNull, lt, or, sql } from 'drizzle-orm';

import { appendAuditAlone } from '../audit/append.js';
import { SYSTEM_USER } from '../auth/user.js';
import { changesOf, type Db, dialectOf, tx } from '../db/client.js';
import { instances, notifications, timers } from '../db/schema.js';
import { logger } from '../log/logger.js';

/**
 * What the server deletes because nothing reads it any more (issue 11, storage; docs/bench/storage.md):
 * - a timer of an instance completed more than `timerDays` ago, once it has fired or been cancelled. A
 *   completed instance takes no events, so its timers can never fire again; when each fired is in the
 *   audit log (the event it raised), and the instance's own history says when it ended.
 * - a notification read more than `readNotificationDays` ago, or left unread for `unreadNotificationDays`:
 *   a notice points at work, and the work itself (task, instance, audit) is kept.
 * Never touched: pending timers, timers of running instances, audit events, tasks, instances.
 */
export const PRUNE_RULES = { timerDays: 30, readNotificationDays: 90, unreadNotificationDays: 365 } as const;

export type TPruned = { timers: number; notifications: number };
/**
 * Where the next batch of each rule starts: rows before it were already looked at in this run. SQLite
 * walks its rowids (numbers); PostgreSQL has none and walks the primary key (ids). 0: from the start.
 */
export type TPruneCursor = { timers: number | string; notifications: number | string };

const DAY_MS = 24 * 60 * 60 * 1000;
const daysBefore = (now: Date, days: number) => new Date(now.getTime() - days * DAY_MS).toISOString();

const TIMERS_SQL = `select t.rowid from timers t
  where t.rowid > ? and (t.fired_at is not null or t.cancelled_at is not null)
    and exists (select 1 from instances i where i.id = t.instance_id and i.status = 'completed' and i.updated_at < ?)
  order by t.rowid limit ?`;
const NOTIFICATIONS_SQL = `select rowid from notifications
  where rowid > ? and (read_at < ? or (read_at is null and created_at < ?))
  order by rowid limit ?`;

/**
 * One batch of each rule, in one write transaction, so a first run over years of history never holds
 * the write lock for long. Each batch resumes after the last row the previous one deleted (rowid order),
 * so a run is one pass over each table, never a re-walk of the rows it keeps.
 * Cost: the timers table only ever holds current work plus a month (and notifications a year), so after
 * the first run each pass reads rows bounded by the retention windows, not by the district's history.
 */
export async function pruneBatch(db: Db, now: Date, cursor: TPruneCursor, limit = 2000): Promise<TPruned> {
  if (dialectOf(db) === 'postgresql') return await pruneBatchByKey(db, now, cursor, limit);
  // Inside tx(): db.$client is then the writer connection (outside, the read-only reader).
  const remove = (sqlite: Db['$client'], table: string, rowids: number[]) =>
    rowids.length
      ? sqlite
          .prepare(`delete from ${table} where rowid in (select value from json_each(?))`)
          .run(JSON.stringify(rowids)).changes
      : 0;
  return await tx(db, () => {
    const sqlite = db.$client;
    const t = sqlite
      .prepare(TIMERS_SQL)
      .pluck()
      .all(cursor.timers, daysBefore(now, PRUNE_RULES.timerDays), limit) as number[];
    const n = sqlite
      .prepare(NOTIFICATIONS_SQL)
      .pluck()
      .all(
        cursor.notifications,
        daysBefore(now, PRUNE_RULES.readNotificationDays),
        daysBefore(now, PRUNE_RULES.unreadNotificationDays),
        limit,
      ) as number[];
    cursor.timers = t.at(-1) ?? cursor.timers;
    cursor.notifications = n.at(-1) ?? cursor.notifications;
    return { timers: remove(sqlite, 'timers', t), notifications: remove(sqlite, 'notifications', n) };
  });
}

/** The same batch through the query builder, walking the primary key (PostgreSQL: no rowid). */
async function pruneBatchByKey(db: Db, now: Date, cursor: TPruneCursor, limit: number): Promise<TPruned> {
  const after = (key: number | string, id: typeof timers.id | typeof notifications.id) =>
    key === 0 ? undefined : gt(id, String(key));
  return await tx(db, async () => {
    const finished = db
      .select({ one: sql`1` })
      .from(instances)
      .where(
        and(
          eq(instances.id, timers.instanceId),
          eq(instances.status, 'completed'),
          lt(instances.updatedAt, daysBefore(now, PRUNE_RULES.timerDays)),
        ),
      );
    const t = (
      await db
        .select({ id: timers.id })
        .from(timers)
        .where(
          and(
            after(cursor.timers, timers.id),
            or(isNotNull(timers.firedAt), isNotNull(timers.cancelledAt)),
            exists(finished),
          ),
        )
        .orderBy(asc(timers.id))
        .limit(limit)
    ).map((r) => r.id);
    const n = (
      await db
        .select({ id: notifications.id })
        .from(notifications)
        .where(
          and(
            after(cursor.notifications, notifications.id),
            or(
              lt(notifications.readAt, daysBefore(now, PRUNE_RULES.readNotificationDays)),
              and(
                isNull(notifications.readAt),
                lt(notifications.createdAt, daysBefore(now, PRUNE_RULES.unreadNotificationDays)),
              ),
            ),
          ),
        )
        .orderBy(asc(notifications.id))
        .limit(limit)
    ).map((r) => r.id);
    cursor.timers = t.at(-1) ?? cursor.timers;
    cursor.notifications = n.at(-1) ?? cursor.notifications;
    return {
      timers: t.length ? changesOf(await db.delete(timers).where(inArray(timers.id, t))) : 0,
      notifications: n.length ? changesOf(await db.delete(notifications).where(inArray(notifications.id, n))) : 0,
    };
  });
}

/** Runs batches until both rules are done; records what it removed in the audit log (one event per run). */
export async function pruneHistory(
  db: Db,
  now: Date,
  opts: { limit?: number; stopped?: () => boolean } = {},
): Promise<TPruned> {
  const limit = opts.limit ?? 2000;
  const total: TPruned = { timers: 0, notifications: 0 };
  const cursor: TPruneCursor = { timers: 0, notifications: 0 };
  for (;;) {
    const done = await pruneBatch(db, now, cursor, limit);
    total.timers += done.timers;
    total.notifications += done.notifications;
    if (done.timers < limit && done.notifications < limit) break;
    // Between batches, requests waiting for the write lock go first.
    await new Promise<void>((r) => setImmediate(r));
    if (opts.stopped?.()) break;
  }
  if (total.timers || total.notifications) {
    await appendAuditAlone(db, {
      at: now.toISOString(),
      actor: SYSTEM_USER,
      action: 'ops.prune',
      entityType: 'Database',
      entityId: null,
      outcome: 'success',
      after: total,
      meta: { rules: PRUNE_RULES },
    });
  }
  return total;
}

export const PRUNE_EVERY_MS = 24 * 60 * 60_000;

/** Prunes shortly after start, then daily; the interval never keeps the process alive. */
export function startPruning(db: Db, clock: () => Date, everyMs = PRUNE_EVERY_MS): { stop: () => void } {
  let running = false;
  let stopped = false;
  const run = () => {
    if (running || stopped) return;
    running = true;
    pruneHistory(db, clock(), { stopped: () => stopped })
      .catch((err) => logger.error({ err }, 'pruning history failed'))
      .finally(() => (running = false));
  };
  const first = setTimeout(run, 60_000);
  const handle = setInterval(run, everyMs);
  first.unref();
  handle.unref();
  return {
    stop: () => {
      stopped = true;
      clearTimeout(first);
      clearInterval(handle);
    },
  };
}
