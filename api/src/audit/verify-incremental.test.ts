import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';

import { asc, eq, gte, sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';

import { AUDIT_VERIFIED_FILE_NAME } from '../data-dir.js';
import { auditEvents } from '../db/schema.js';
import { hashToStored } from '../lib/stored-hash.js';
import { appendEvents, withoutTriggers } from '../test/audit-tamper.js';
import { type Harness, makeHarness } from '../test/harness.js';
import { hashEvent } from './append.js';
import { verifyAuditChain } from './verify.js';

const open: Harness[] = [];
afterEach(async () => {
  for (const h of open.splice(0)) await h.close();
});
async function harness() {
  const h = await makeHarness();
  open.push(h);
  return h;
}
const positionFile = (h: Harness) => join(h.dir, AUDIT_VERIFIED_FILE_NAME);
const verify = (h: Harness, full = false) =>
  verifyAuditChain(h.db, {
    checkpointFile: h.deps.auditCheckpointFile,
    positionFile: positionFile(h),
    full,
    now: h.clock.now,
  });
const head = async (h: Harness) => Number((await h.sql(sql`select max(seq) as s from audit_events`))[0]?.s);

describe('incremental verification (cost bounded by what was written since the last verify)', () => {
  it('walks everything once, then only the new events; full=1 walks everything again', async () => {
    const h = await harness();
    // The harness's own setup events (accounts, grants, authenticators): n of them.
    const n = await head(h);
    expect(await verify(h)).toMatchObject({
      ok: true,
      mode: 'full',
      count: n,
      checked: n,
      fullAt: h.clock.now().toISOString(),
    });
    const firstFull = h.clock.now().toISOString();
    h.clock.advance(60_000);
    await appendEvents(h, 4);
    expect(await verify(h)).toMatchObject({
      ok: true,
      mode: 'incremental',
      count: n + 4,
      checked: 4,
      fullAt: firstFull,
    });
    expect(await verify(h)).toMatchObject({ ok: true, mode: 'incremental', count: n + 4, checked: 0 });
    expect(await verify(h, true)).toMatchObject({ ok: true, mode: 'full', count: n + 4, checked: n + 4 });
  });

  it('a lost position file costs one full walk, nothing else', async () => {
    const h = await harness();
    await verify(h);
    rmSync(positionFile(h));
    expect(await verify(h)).toMatchObject({ ok: true, mode: 'full', checked: await head(h) });
    expect(existsSync(positionFile(h))).toBe(true);
  });

  it('a chain rewritten through the verified position is caught without a full walk', async () => {
    const h = await harness();
    await verify(h);
    await withoutTriggers(h, async () => {
      await h.sql(sql`update audit_events set actor_name = 'someone else' where seq = 10`);
      let prevHash = (await h.db.select().from(auditEvents).where(eq(auditEvents.seq, 9)).limit(1))[0]?.hash ?? '';
      for (const row of await h.db
        .select()
        .from(auditEvents)
        .where(gte(auditEvents.seq, 10))
        .orderBy(asc(auditEvents.seq))) {
        const hash = hashEvent(prevHash, row);
        await h.sql(
          sql`update audit_events set prev_hash = ${hashToStored(prevHash)}, hash = ${hashToStored(hash)} where seq = ${row.seq}`,
        );
        prevHash = hash;
      }
    });
    // The verified position was the head: its row no longer has the hash it was verified with.
    expect(await verify(h)).toMatchObject({
      ok: false,
      brokenAt: await head(h),
      reason: expect.stringContaining('rewritten'),
    });
  });

  it('newest events cut after a verify are named as missing even before a checkpoint saw them', async () => {
    const h = await harness();
    await appendEvents(h, 5);
    await verify(h);
    const top = await head(h);
    await withoutTriggers(h, () => h.sql(sql`delete from audit_events where seq > ${top - 2}`));
    expect(await verify(h)).toMatchObject({ ok: false, brokenAt: top - 1, missing: { from: top - 1, to: top } });
  });

  it('an in-place edit of an already verified event is found by the full walk (the incremental one does not rehash it)', async () => {
    const h = await harness();
    await verify(h);
    await withoutTriggers(h, () => h.sql(sql`update audit_events set actor_name = 'someone else' where seq = 5`));
    expect(await verify(h)).toMatchObject({ ok: true, mode: 'incremental', checked: 0 });
    expect(await verify(h, true)).toMatchObject({ ok: false, brokenAt: 5 });
  });

  it('GET /api/audit/verify is incremental; ?full=1 walks from the anchor', async () => {
    const h = await harness();
    const auditor = await h.signIn('auditor');
    expect(await (await h.get('/api/audit/verify', auditor)).json()).toMatchObject({
      ok: true,
      mode: 'full',
      anchor: null,
    });
    expect(await (await h.get('/api/audit/verify', auditor)).json()).toMatchObject({ ok: true, mode: 'incremental' });
    expect(await (await h.get('/api/audit/verify?full=1', auditor)).json()).toMatchObject({ ok: true, mode: 'full' });
    expect((await h.get('/api/audit/verify?full=yes', auditor)).status).toBe(400);
  });
});
