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
 * What an attacker with write access to the database does: the audit trail's triggers out of the way, tamper
 * (through h.sql, beneath the use-cases), triggers back. SQLite's are dropped and made again from their text;
 * PostgreSQL's are disabled and enabled (ALTER TABLE … DISABLE TRIGGER USER).
 */
export async function withoutTriggers(h: Pick<Harness, 'db' | 'sql'>, fn: () => unknown): Promise<void> {
  if (dialectOf(h.db) === 'postgresql') {
    await h.sql(sql`alter table audit_events disable trigger user`);
    try {
      await fn();
    } finally {
      await h.sql(sql`alter table audit_events enable trigger user`);
    }
    return;
  }
  const triggers = (await h.sql(
    sql`select name, sql from sqlite_master where type = 'trigger' and tbl_name = 'audit_events'`,
  )) as Array<{ name: string; sql: string }>;
  for (const t of triggers) await h.sql(sql.raw(`drop trigger ${t.name}`));
  try {
    await fn();
  } finally {
    for (const t of triggers) await h.sql(sql.raw(t.sql));
  }
}

/** Drops one of the audit trail's triggers, as someone with access to the database could. */
export const dropAuditTrigger = (h: Pick<Harness, 'db' | 'sql'>, name: string) =>
  h.sql(sql.raw(`drop trigger ${name}${dialectOf(h.db) === 'postgresql' ? ' on audit_events' : ''}`));
