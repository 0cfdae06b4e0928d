// SQLite's storage format (a hash's type and length in the file, rows of the hex-text era): SQLite only.
import { desc } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { tx } from '../db/client.js';
import { auditEvents } from '../db/schema.js';
import { type Harness, makeHarness } from '../test/harness.js';
import { testEvent } from '../test/test-event.js';
import { hashEvent } from './append.js';
import { verifyAuditChain } from './verify.js';

let h: Harness;
beforeEach(async () => {
  h = await makeHarness();
});
afterEach(() => h.close());

const stored = () =>
  h.sqlite
    .prepare(
      'select seq, typeof(hash) t, length(hash) n, typeof(prev_hash) pt, length(prev_hash) pn from audit_events order by seq',
    )
    .all() as Array<{ seq: number; t: string; n: number; pt: string; pn: number }>;
/** Appends one event and reads it back: the chain's head once the transaction committed. */
const append = async (action: string) => {
  await tx(h.db, () => testEvent(h, action, { n: 1 }));
  const [head] = await h.db.select().from(auditEvents).orderBy(desc(auditEvents.seq)).limit(1);
  expect(head?.action).toBe(action);
  return head!;
};

// Issue 11 (storage): the chain's hashes take their 32 bytes on disk instead of 64 hex characters, ids 16 instead of 36.
describe('audit hashes and ids stored as bytes', () => {
  it('appends hash and prev_hash as 32-byte BLOBs; code reads the same hex, and the hash is of the same text as before', async () => {
    const row = await append('test.stored');
    expect(row.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored().every((r) => r.t === 'blob' && r.n === 32 && r.pt === 'blob' && r.pn === 32)).toBe(true);
    expect(row.prevHash).toMatch(/^[0-9a-f]{64}$/);
    // What is hashed did not change: the previous hash as hex, then the canonical event.
    expect(hashEvent(row.prevHash, row)).toBe(row.hash);
    expect((await verifyAuditChain(h.db)).ok).toBe(true);
  });

  it('a chain whose older rows hold hex text (written before) and newer ones bytes verifies as one; a forged row still breaks it', async () => {
    // Rows as the previous version wrote them: hex text, appended raw after the harness's own events.
    const head = (await h.db.select().from(auditEvents).orderBy(desc(auditEvents.seq)).limit(1))[0]!;
    let prev = head.hash;
    const insert = h.sqlite.prepare(
      'insert into audit_events (seq, id, at, action, entity_type, outcome, prev_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    for (let seq = head.seq + 1; seq <= head.seq + 3; seq += 1) {
      const e = {
        seq,
        id: crypto.randomUUID(),
        at: h.clock.now().toISOString(),
        actorId: null,
        actorName: null,
        action: 'test.legacy',
        entityType: 'Test',
        entityId: null,
        outcome: 'success' as const,
        before: null,
        after: null,
        meta: null,
      };
      const hash = hashEvent(prev, e);
      insert.run(seq, e.id, e.at, e.action, e.entityType, e.outcome, prev, hash);
      prev = hash;
    }
    await append('test.after');
    const kinds = stored().map((r) => r.t);
    expect(kinds).toContain('text');
    expect(kinds.at(-1)).toBe('blob');
    expect((await verifyAuditChain(h.db)).ok).toBe(true);

    const last = (await h.db.select().from(auditEvents).orderBy(desc(auditEvents.seq)).limit(1))[0]!;
    insert.run(
      last.seq + 1,
      crypto.randomUUID(),
      h.clock.now().toISOString(),
      'test.forged',
      'Test',
      'success',
      Buffer.from(last.hash, 'hex'),
      Buffer.alloc(32, 7),
    );
    const forged = await verifyAuditChain(h.db);
    expect(forged.ok).toBe(false);
  });

  it('stores the event id as its 16 bytes and reads back the same lowercase UUID the chain hashed', async () => {
    const row = await append('test.id');
    const raw = h.sqlite.prepare('select typeof(id) t, length(id) n from audit_events where seq = ?').get(row.seq) as {
      t: string;
      n: number;
    };
    expect(raw).toEqual({ t: 'blob', n: 16 });
    const read = (await h.db.select().from(auditEvents).orderBy(desc(auditEvents.seq)).limit(1))[0]!;
    expect(read.id).toBe(row.id);
    expect(read.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect((await verifyAuditChain(h.db)).ok).toBe(true);
  });

  it('hashes the same from the stored bytes as from hex (a raw reader such as the bench generator)', async () => {
    const row = await append('test.raw');
    const raw = h.sqlite.prepare('select hash from audit_events where seq = ?').get(row.seq) as { hash: Buffer };
    expect(Buffer.isBuffer(raw.hash)).toBe(true);
    const e = { ...row, seq: row.seq + 1 };
    expect(hashEvent(raw.hash, e)).toBe(hashEvent(row.hash, e));
  });
});
