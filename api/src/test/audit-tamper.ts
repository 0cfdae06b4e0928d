import { sql } from 'drizzle-orm';

import { appendAuditAlone } from '../audit/append.js';
import { dialectOf } from '../db/client.js';
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
 * What an attacker with write access to the database does: triggers out of the way, tamper (h.sql, beneath
 * the use-cases), triggers back. PostgreSQL switches the table's own triggers off and on again.
 */
export async function withoutTriggers(h: Pick<Harness, 'db' | 'sqlite' | 'sql'>, fn: () => unknown): Promise<void> {
  if (dialectOf(h.db) === 'postgresql') {
    await h.sql(sql`alter table audit_events disable trigger user`);
    try {
      await fn();
    } finally {
      await h.sql(sql`alter table audit_events enable trigger user`);
    }
    return;
  }
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
