import { existsSync } from 'node:fs';

import Database from 'better-sqlite3';

/**
 * Whether another connection (a running server) has the database open. Leaving WAL mode needs the only
 * connection, so the attempt fails while anyone else holds it; when it succeeds, WAL mode is put back.
 */
export function databaseInUse(file: string): boolean {
  if (!existsSync(file)) return false;
  const probe = new Database(file, { fileMustExist: true, timeout: 0 });
  try {
    const mode = probe.pragma('journal_mode', { simple: true });
    if (mode !== 'wal') return false;
    probe.pragma('journal_mode = DELETE');
    probe.pragma('journal_mode = WAL');
    return false;
  } catch (err) {
    if (err instanceof Error && /locked|busy/i.test(err.message)) return true;
    throw err;
  } finally {
    probe.close();
  }
}
