import { desc, sql } from 'drizzle-orm';

import { beforeCommit, type Db, dialectOf, tx } from '../db/client.js';
import { prepared } from '../db/prepared.js';
import { auditEvents, type TAuditEventRow } from '../db/schema.js';
import { canonicalJson } from '../lib/canonical-json.js';
import { sha256Hex } from '../lib/crypto.js';
import { hashFromStored } from '../lib/stored-hash.js';

export const GENESIS_HASH = '0'.repeat(64);

export type TAuditInput = {
  at: string;
  actor: { id: string; displayName: string } | null;
  action: string;
  entityType: string;
  entityId: string | null;
  outcome: 'success' | 'denied' | 'failed';
  before?: unknown;
  after?: unknown;
  meta?: unknown;
};

type THashed = Omit<TAuditEventRow, 'hash' | 'prevHash'>;

/** The hash covers the previous hash and every field of the event, seq included, so edits, deletions and reorders all show. */
export function hashEvent(prevHash: string | Uint8Array, e: THashed): string {
  // A raw reader (the bench's city generator) may hand the stored bytes instead of hex.
  const prev = hashFromStored(prevHash);
  const body = {
    seq: e.seq,
    id: e.id,
    at: e.at,
    actorId: e.actorId,
    actorName: e.actorName,
    action: e.action,
    entityType: e.entityType,
    entityId: e.entityId,
    outcome: e.outcome,
    before: e.before ?? null,
    after: e.after ?? null,
    meta: e.meta ?? null,
  };
  return sha256Hex(`${prev}\n${canonicalJson(body)}`);
}

/** The key of the advisory lock that serialises the chain's head on PostgreSQL (any constant; this one spells "audit"). */
const CHAIN_HEAD_LOCK = 0x6175646974;

/**
 * Appends one event to the chain when the caller's `tx()` commits (beforeCommit), which makes "read the last
 * hash, insert the next" safe: on SQLite the write lock BEGIN IMMEDIATE took; on PostgreSQL a
 * transaction-scoped advisory lock on the chain's head, so two nodes never both extend the same last event.
 * Appended at the commit, every node's writes wait for that lock only while a transaction inserts its
 * events and commits, not while the rest of its use-case runs (the slowest wait of a busy city's events).
 * A rolled-back transaction or savepoint appends nothing. Outside a transaction it refuses, as any write.
 */
export async function appendAudit(db: Db, input: TAuditInput): Promise<void> {
  // JSON round-trip now: the event is what was said at the call, even if the caller changes the objects
  // later, and the hash covers exactly what the database will give back to verify.
  const json = (v: unknown): unknown => (v === undefined ? null : JSON.parse(JSON.stringify(v)));
  const said = { ...input, before: json(input.before), after: json(input.after), meta: json(input.meta) };
  await beforeCommit(db, () => appendNow(db, said));
}

async function appendNow(db: Db, input: TAuditInput): Promise<void> {
  if (dialectOf(db) === 'postgresql') await db.run(sql`select pg_advisory_xact_lock(${CHAIN_HEAD_LOCK})`);
  // Built once per connection (db/prepared.ts): every mutation of every use-case appends here.
  const last = await prepared(db, 'audit.last', (d) =>
    d
      .select({ seq: auditEvents.seq, hash: auditEvents.hash })
      .from(auditEvents)
      .orderBy(desc(auditEvents.seq))
      .limit(1)
      .prepare(),
  ).get();
  const event: THashed = {
    seq: (last?.seq ?? 0) + 1,
    id: crypto.randomUUID(),
    at: input.at,
    actorId: input.actor?.id ?? null,
    actorName: input.actor?.displayName ?? null,
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId,
    outcome: input.outcome,
    before: input.before,
    after: input.after,
    meta: input.meta,
  };
  const prevHash = last?.hash ?? GENESIS_HASH;
  await insertEvent(db).run({ ...event, prevHash, hash: hashEvent(prevHash, event) });
}

/**
 * Appends one event in a transaction of its own: what is recorded outside a use-case's transaction (a
 * refused request, a download, an operator's command).
 */
export const appendAuditAlone = (db: Db, input: TAuditInput): Promise<void> => tx(db, () => appendAudit(db, input));

const p = (name: keyof TAuditEventRow) => sql.placeholder(name);
const insertEvent = (db: Db) =>
  prepared(db, 'audit.insert', (d) =>
    d
      .insert(auditEvents)
      .values({
        seq: p('seq'),
        id: p('id'),
        at: p('at'),
        actorId: p('actorId'),
        actorName: p('actorName'),
        action: p('action'),
        entityType: p('entityType'),
        entityId: p('entityId'),
        outcome: p('outcome'),
        before: p('before'),
        after: p('after'),
        meta: p('meta'),
        prevHash: p('prevHash'),
        hash: p('hash'),
      })
      .prepare(),
  );
