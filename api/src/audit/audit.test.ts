import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { tx } from '../db/client.js';
import { withoutTriggers } from '../test/audit-tamper.js';
import { type Harness, makeHarness } from '../test/harness.js';
import { appendAudit } from './append.js';
import { verifyAuditChain } from './verify.js';

let h: Harness;
beforeAll(async () => {
  h = await makeHarness();
});
afterAll(() => h.close());

describe('audit log', () => {
  it('every setup mutation is in the chain and the chain verifies', async () => {
    const result = await verifyAuditChain(h.db);
    expect(result.ok).toBe(true);
    // 6 organisations + 13 users + 13 role grants + 3 authenticators (the three powers) set up by the harness.
    expect(result.count).toBe(35);
  });

  it('the database refuses UPDATE and DELETE on audit_events', async () => {
    await expect(h.sql(sql`update audit_events set action = 'x' where seq = 1`)).rejects.toThrow(
      /^audit_events is append-only: UPDATE refused/,
    );
    await expect(h.sql(sql`delete from audit_events where seq = 1`)).rejects.toThrow(
      /^audit_events is append-only: DELETE refused/,
    );
  });

  it('verify pinpoints an edited event', async () => {
    await withoutTriggers(h, () => h.sql(sql`update audit_events set actor_name = 'someone else' where seq = 5`));
    const result = await verifyAuditChain(h.db);
    expect(result).toMatchObject({ ok: false, brokenAt: 5 });
  });

  it('verify pinpoints a deleted event (a gap in seq)', async () => {
    const h2 = await makeHarness();
    await withoutTriggers(h2, () => h2.sql(sql`delete from audit_events where seq = 3`));
    expect(await verifyAuditChain(h2.db)).toMatchObject({ ok: false, brokenAt: 3 });
    await h2.close();
  });

  it('GET /api/audit/verify is the auditor’s: 200 for the auditor, 403 for the admin (三权分立)', async () => {
    const auditor = await h.signIn('auditor');
    const res = await h.get('/api/audit/verify', auditor);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: false, brokenAt: 5, reason: expect.any(String) });
    const admin = await h.signIn('admin');
    expect((await h.get('/api/audit/verify', admin)).status).toBe(403);
    expect((await h.get('/api/audit', admin)).status).toBe(403);
  });

  it('hashes survive JSON round-trips of nested before/after/meta', async () => {
    const h3 = await makeHarness();
    await tx(h3.db, () =>
      appendAudit(h3.db, {
        at: h3.clock.now().toISOString(),
        actor: null,
        action: 'test.nested',
        entityType: 'Test',
        entityId: null,
        outcome: 'success',
        before: { z: 1, a: [1, { y: 'é', b: null }] },
        after: { when: new Date(0) },
        meta: { undef: undefined, 中文: '是' },
      }),
    );
    expect((await verifyAuditChain(h3.db)).ok).toBe(true);
    await h3.close();
  });
});
