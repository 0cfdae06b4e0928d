import { appendAuditAlone } from '../audit/append.js';
import type { Harness } from './harness.js';

/** Appends one test event to the chain, as a use-case would (in its own transaction). */
export const appendTestEvent = (h: Pick<Harness, 'db' | 'clock'>, entityId: string) =>
  appendAuditAlone(h.db, {
    at: h.clock.now().toISOString(),
    actor: null,
    action: 'test.event',
    entityType: 'Test',
    entityId,
    outcome: 'success',
  });

/** `n` test events, one transaction each. */
export async function appendEvents(h: Pick<Harness, 'db' | 'clock'>, n: number): Promise<void> {
  for (let i = 0; i < n; i++) await appendTestEvent(h, String(i));
}

/**
 * What an attacker with write access to the database file does: triggers out of the way, tamper (through
 * SQLite's writer connection), triggers back.
 */
export async function withoutTriggers(h: Pick<Harness, 'sqlite'>, fn: () => unknown): Promise<void> {
  const s = h.sqlite;
  const triggers = s
    .prepare("select name, sql from sqlite_master where type = 'trigger' and tbl_name = 'audit_events'")
    .all() as Array<{ name: string; sql: string }>;
  for (const t of triggers) s.exec(`drop trigger ${t.name}`);
  try {
    await fn();
  } finally {
    for (const t of triggers) s.exec(t.sql);
  }
}
