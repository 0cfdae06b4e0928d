import { desc } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { tx } from '../db/client.js';
import { auditEvents } from '../db/schema.js';
import { type Harness, makeHarness } from '../test/harness.js';
import { testEvent } from '../test/test-event.js';
import { verifyAuditChain } from './verify.js';

// Issue 14: an event joins the chain when its transaction commits, so the chain's head is held (on
// PostgreSQL, across nodes) only while the events go in, not while the rest of a use-case runs.
let h: Harness;
beforeAll(async () => {
  h = await makeHarness();
});
afterAll(() => h.close());

const event = (action: string, meta: Record<string, unknown> = {}) => testEvent(h, action, meta);
const head = async () => (await h.db.select().from(auditEvents).orderBy(desc(auditEvents.seq)).limit(1))[0];

describe('audit events appended at the commit', () => {
  it('go in after the use-case’s own statements, in the order said, with what was said at the call', async () => {
    const before = await head();
    await tx(h.db, async () => {
      const meta = { step: 1 };
      await event('test.first', meta);
      meta.step = 2; // the caller's object changes later: the event keeps what was said
      await event('test.second');
      expect((await head())?.seq).toBe(before?.seq);
    });
    const rows = await h.db.select().from(auditEvents).orderBy(desc(auditEvents.seq)).limit(2);
    expect(rows.map((r) => [r.seq, r.action, r.meta])).toEqual([
      [before!.seq + 2, 'test.second', {}],
      [before!.seq + 1, 'test.first', { step: 1 }],
    ]);
    expect((await verifyAuditChain(h.db)).ok).toBe(true);
  });

  it('a rolled-back savepoint appends nothing, and the transaction’s other events still go in', async () => {
    const before = await head();
    await tx(h.db, async () => {
      await event('test.kept');
      await tx(h.db, async () => {
        await event('test.undone');
        throw new Error('refused inside the savepoint');
      }).catch(() => undefined);
    });
    const rows = await h.db.select().from(auditEvents).orderBy(desc(auditEvents.seq)).limit(2);
    expect(rows[0]).toMatchObject({ seq: before!.seq + 1, action: 'test.kept' });
    expect((await verifyAuditChain(h.db)).ok).toBe(true);
  });

  it('a rolled-back transaction appends nothing', async () => {
    const before = await head();
    await expect(
      tx(h.db, async () => {
        await event('test.rolled-back');
        throw new Error('failed');
      }),
    ).rejects.toThrow('failed');
    expect((await head())?.seq).toBe(before?.seq);
  });

  it('outside a transaction it refuses, as any write', async () => {
    await expect(event('test.outside')).rejects.toThrow(/outside tx\(\)/);
  });
});
