import type { Db } from './db/client.js';

/** What every use-case needs from the outside world; tests inject the clock. */
export type Deps = {
  db: Db;
  clock: () => Date;
  /** Set cookies with `Secure` (behind HTTPS). */
  secureCookies?: boolean;
  appVersion?: string;
  /** EDUFLOW_PASSWORD_MAX_AGE_DAYS: past it, sign-in asks for a new password; undefined = never. */
  passwordMaxAgeDays?: number;
  /** `<data>/audit-checkpoints.log`: the chain head anchored outside the database (ADR 0004). Unset: no checkpoints. */
  auditCheckpointFile?: string;
  /**
   * The data folder (EDUFLOW_DATA_DIR): audit archives and the verified position live there. Unset: the
   * SQLite file's folder; on PostgreSQL, which has no file beside the node, EDUFLOW_DATA_DIR.
   */
  dataDir?: string;
  /** What /api/health reads through (TOpenedDatabase.probe: on PostgreSQL a connection no request queues for); unset: db. */
  probeDb?: Db;
  /** Where attachments live (EDUFLOW_ATTACHMENTS_DIR, shared by every node); unset: beside the database. */
  attachmentsDir?: string;
  /**
   * Set for the length of one bulk operation (a round opened for hundreds of schools): what every item
   * reads alike and that no cache keeps (published reference data, the starter's ability, the check of
   * the named assignees) is read once and shared by all items (memoRead). Unset: every call reads afresh.
   */
  reads?: Map<string, unknown>;
};

/** `read()` once per bulk operation under `key` when deps.reads is set; else simply `read()`. */
export function memoRead<T>(deps: Pick<Deps, 'reads'>, key: string, read: () => T): T {
  const reads = deps.reads;
  if (!reads) return read();
  if (reads.has(key)) return reads.get(key) as T;
  const value = read();
  reads.set(key, value);
  return value;
}

export const nowIso = (deps: Pick<Deps, 'clock'>): string => deps.clock().toISOString();
