import { sql } from 'drizzle-orm';

import { type Db, dialectOf, tx, writerOf } from '../db/client.js';
import { NEWEST_ARCHIVE_SQL } from './anchor.js';

/** 等保 2.0: audit records are kept at least six months; this product keeps every event ≥ 180 days. */
export const AUDIT_RETENTION_DAYS = 180;

const DAY_MS = 24 * 60 * 60 * 1000;
/** The district's offset from UTC (China Standard Time has no daylight saving). */
const DISTRICT_OFFSET_MS = 8 * 60 * 60 * 1000;

/** The newest instant an archive may reach: now − 180 days. */
export const retentionLimit = (now: Date): Date => new Date(now.getTime() - AUDIT_RETENTION_DAYS * DAY_MS);

/** The last district day whose start is at or before the limit: the latest cut-off date an archive may name. */
export function latestCutoffDate(now: Date): string {
  return new Date(retentionLimit(now).getTime() + DISTRICT_OFFSET_MS).toISOString().slice(0, 10);
}

/** A cut-off date means "events before the start of that day in the district" (Beijing time). */
export const cutoffInstant = (date: string): string => new Date(`${date}T00:00:00+08:00`).toISOString();

const REFUSAL = `audit_events is append-only: DELETE refused (events are kept ${AUDIT_RETENTION_DAYS} days; only rows covered by a recorded archive may be removed)`;

/**
 * The database's own refusal, replacing migration 0001's unconditional one: a row may be deleted only when
 * it is older than 180 days by the database's clock AND an archive recorded in the chain covers it. Everything
 * else — a young row, an old row no archive accounts for — is still refused, so a stray DELETE (or a bug
 * in the archiver) cannot shorten the retention. The trigger keeps 0001's name and message so tooling and
 * tests that know it keep working.
 */
export const AUDIT_DELETE_TRIGGER_SQL = `CREATE TRIGGER audit_events_no_delete
BEFORE DELETE ON audit_events
WHEN old.at > strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-${AUDIT_RETENTION_DAYS} days')
  OR old.seq > coalesce((SELECT json_extract(a.meta, '$.throughSeq') FROM (${NEWEST_ARCHIVE_SQL}) a), 0)
BEGIN
  SELECT RAISE(ABORT, '${REFUSAL}');
END`;

/**
 * The same rule on PostgreSQL (ADR 0028), whose trigger calls a function: the function holds the rule, with the
 * same clock reading (the statement's, as SQLite's 'now'), the same text form of the instant and the same message.
 */
const PG_DELETE_FUNCTION_BODY = `
BEGIN
  IF OLD.at > to_char(statement_timestamp() AT TIME ZONE 'UTC' - interval '${AUDIT_RETENTION_DAYS} days', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
    OR OLD.seq > coalesce((SELECT (a.meta ->> 'throughSeq')::numeric FROM (${NEWEST_ARCHIVE_SQL}) a), 0) THEN
    RAISE EXCEPTION '${REFUSAL}';
  END IF;
  RETURN OLD;
END
`;
const PG_INSTALL = [
  `CREATE OR REPLACE FUNCTION audit_events_no_delete() RETURNS trigger LANGUAGE plpgsql AS $$${PG_DELETE_FUNCTION_BODY}$$`,
  'DROP TRIGGER IF EXISTS audit_events_no_delete ON audit_events',
  'CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events FOR EACH ROW EXECUTE FUNCTION audit_events_no_delete()',
];
/** Nodes starting together install it one at a time (CREATE OR REPLACE FUNCTION is no queue). */
const PG_INSTALL_LOCK = 0x6564_7572;

/**
 * Installs the retention trigger at every start (idempotent: replaced only when its text differs).
 * Done here rather than in a migration: the rule carries the retention period from code, and a start-up
 * re-assertion also puts back a trigger someone dropped (or, on PostgreSQL, disabled). Returns what it did,
 * for the caller to log. SQLite's migrate() and PostgreSQL's migratePostgres() call it.
 */
export async function ensureAuditRetention(db: Db): Promise<'unchanged' | 'installed'> {
  if (dialectOf(db) === 'sqlite') return ensureSqliteAuditRetention(writerOf(db));
  return tx(db, async () => {
    await db.run(sql`select pg_advisory_xact_lock(${PG_INSTALL_LOCK})`);
    // In place: the trigger, enabled, calling the function whose body is the rule above.
    const installed = await db.all(sql`select 1 from pg_trigger t join pg_proc p on p.oid = t.tgfoid
      where t.tgrelid = 'audit_events'::regclass and t.tgname = 'audit_events_no_delete' and t.tgenabled <> 'D'
        and p.proname = 'audit_events_no_delete' and p.prosrc = ${PG_DELETE_FUNCTION_BODY}`);
    if (installed.length) return 'unchanged' as const;
    for (const statement of PG_INSTALL) await db.run(sql.raw(statement));
    return 'installed' as const;
  });
}

/** SQLite's, on the writer connection (migrate() calls it at start-up, outside tx(), synchronously). */
export function ensureSqliteAuditRetention(db: Db): 'unchanged' | 'installed' {
  const sqlite = db.$client;
  const current = sqlite
    .prepare<[], { sql: string }>(
      "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'audit_events_no_delete'",
    )
    .get();
  if (current?.sql === AUDIT_DELETE_TRIGGER_SQL) return 'unchanged';
  sqlite
    .transaction(() => {
      sqlite.exec('DROP TRIGGER IF EXISTS audit_events_no_delete');
      sqlite.exec(AUDIT_DELETE_TRIGGER_SQL);
    })
    .immediate();
  return 'installed';
}
