import { dirname, join, resolve } from 'node:path';

import { dialectOf } from './db/client.js';
import type { Deps } from './deps.js';

/**
 * The data folder and what lives in it, in one place: the server, the migrate command and the backup and
 * restore commands must all find the same database from the same environment.
 */
export const DB_FILE_NAME = 'eduflow.db';
export const ATTACHMENTS_DIR_NAME = 'attachments';
export const AUDIT_ARCHIVES_DIR_NAME = 'audit-archives';
/** Where GET /api/audit/verify remembers how far the chain was verified (a cache: losing it costs one full walk). */
export const AUDIT_VERIFIED_FILE_NAME = 'audit-verified.json';

/** EDUFLOW_DATA_DIR, default `./data` (relative to where the command runs: the repository root for npm scripts). */
export function dataDirFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.EDUFLOW_DATA_DIR ?? './data');
}

export const dbFileIn = (dataDir: string): string => join(dataDir, DB_FILE_NAME);

/**
 * Where attachments are stored: EDUFLOW_ATTACHMENTS_DIR when several API nodes share one store (an NFS
 * mount, issue 14), else `<data dir>/attachments`. Content-addressed either way (attachment-store.ts).
 */
export function attachmentsDirFromEnv(dataDir: string, env: NodeJS.ProcessEnv = process.env): string {
  return env.EDUFLOW_ATTACHMENTS_DIR ? resolve(env.EDUFLOW_ATTACHMENTS_DIR) : join(dataDir, ATTACHMENTS_DIR_NAME);
}

/**
 * The data folder: files that belong with the database (attachments, archives) sit there. Given (Deps.dataDir),
 * else the SQLite file's folder; PostgreSQL has no file on this node, so EDUFLOW_DATA_DIR.
 */
export const dataDirOf = (deps: Pick<Deps, 'db' | 'dataDir'>): string =>
  deps.dataDir ?? (dialectOf(deps.db) === 'sqlite' ? dirname(deps.db.$client.name) : dataDirFromEnv());
