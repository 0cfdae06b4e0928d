import { appendFileSync, readFileSync } from 'node:fs';

import { asc, eq, gte, sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';

import { auditEvents } from '../db/schema.js';
import { hashToStored } from '../lib/stored-hash.js';
import { startCheckpoints } from '../scheduler/start-checkpoints.js';
import { appendEvents, withoutTriggers } from '../test/audit-tamper.js';
import { type Harness, makeHarness } from '../test/harness.js';
import { hashEvent } from './append.js';
import { readCheckpoints, writeCheckpoint } from './checkpoints.js';
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
const fileOf = (h: Harness) => h.deps.auditCheckpointFile ?? '';

const lastSeq = async (h: Harness) => Number((await h.sql(sql`select max(seq) as s from audit_events`))[0]?.s);

describe('audit checkpoints (the chain head anchored outside the table)', () => {
  it('writes one fsynced line when the head moved, nothing when it did not, and only ever appends', async () => {
    const h = await harness();
    const file = fileOf(h);
    const first = await writeCheckpoint(h.deps, file);
    expect(first).toMatchObject({
      written: true,
      checkpoint: { seq: await lastSeq(h), at: h.clock.now().toISOString() },
    });
    expect(await writeCheckpoint(h.deps, file)).toEqual({ written: false, why: 'unchanged' });
    const before = readFileSync(file, 'utf8');
    await appendEvents(h, 3);
    h.clock.advance(5 * 60_000);
    expect(await writeCheckpoint(h.deps, file)).toMatchObject({ written: true, checkpoint: { seq: await lastSeq(h) } });
    const after = readFileSync(file, 'utf8');
    expect(after.startsWith(before)).toBe(true);
    const lines = after
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as unknown);
    expect(lines).toHaveLength(2);
    expect(Object.keys(lines[1] as object)).toEqual(['seq', 'hash', 'at']);
  });

  it('an intact chain with checkpoints verifies, and GET /api/audit/verify says how many it held the table to', async () => {
    const h = await harness();
    const auditor = await h.signIn('auditor');
    await writeCheckpoint(h.deps, fileOf(h));
    await appendEvents(h, 4);
    const cp = await writeCheckpoint(h.deps, fileOf(h));
    const res = await h.get('/api/audit/verify', auditor);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      ok: true,
      checkpoints: { count: 2, lastSeq: cp.written ? cp.checkpoint.seq : -1 },
    });
  });

  it('deleting the newest rows fails verify, naming the missing range (it passed before checkpoints)', async () => {
    const h = await harness();
    const auditor = await h.signIn('auditor');
    await appendEvents(h, 10);
    const cp = await writeCheckpoint(h.deps, fileOf(h));
    if (!cp.written) throw new Error('no checkpoint');
    const top = cp.checkpoint.seq;
    await withoutTriggers(h, () => h.sql(sql`delete from audit_events where seq > ${top - 3}`));

    // Today's check alone is blind to it: the shortened chain still links up.
    expect(await verifyAuditChain(h.db)).toMatchObject({ ok: true, count: top - 3 });
    // The writer never anchors the shortened head over the old one.
    expect(await writeCheckpoint(h.deps, fileOf(h))).toMatchObject({ written: false, why: 'behind' });
    expect(readCheckpoints(fileOf(h)).checkpoints).toHaveLength(1);

    const res = await h.get('/api/audit/verify', auditor);
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      ok: boolean;
      brokenAt: number;
      missing: unknown;
      reason: string;
      message: Record<string, string>;
    };
    expect(body).toMatchObject({ ok: false, count: top - 3, brokenAt: top - 2, missing: { from: top - 2, to: top } });
    expect(body.reason).toContain(`events ${top - 2}–${top} are missing`);
    expect(body.message['zh-CN']).toContain(`第 ${top - 2}–${top} 条缺失`);
  });

  it('refilling the cut tail with new events does not pass: the row at the checkpoint has another hash', async () => {
    const h = await harness();
    await appendEvents(h, 5);
    const cp = await writeCheckpoint(h.deps, fileOf(h));
    if (!cp.written) throw new Error('no checkpoint');
    await withoutTriggers(h, () => h.sql(sql`delete from audit_events where seq > ${cp.checkpoint.seq - 2}`));
    h.clock.advance(1000);
    await appendEvents(h, 2);
    expect(await verifyAuditChain(h.db, { checkpointFile: fileOf(h) })).toMatchObject({
      ok: false,
      brokenAt: cp.checkpoint.seq,
    });
  });

  it('a checkpoint whose hash does not match fails verify, naming the event and the file line', async () => {
    const h = await harness();
    await writeCheckpoint(h.deps, fileOf(h));
    await appendEvents(h, 2);
    await writeCheckpoint(h.deps, fileOf(h));
    appendFileSync(fileOf(h), `${JSON.stringify({ seq: 7, hash: 'a'.repeat(64), at: h.clock.now().toISOString() })}\n`);
    const result = await verifyAuditChain(h.db, { checkpointFile: fileOf(h) });
    expect(result).toMatchObject({ ok: false, brokenAt: 7 });
    expect(result.ok ? '' : result.reason).toContain('checkpoint file line 3');
  });

  it('a chain rewritten from an edited row on (hashes recomputed) verifies alone but not against a later checkpoint', async () => {
    const h = await harness();
    await appendEvents(h, 5);
    await writeCheckpoint(h.deps, fileOf(h));
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
    expect(await verifyAuditChain(h.db)).toMatchObject({ ok: true });
    expect(await verifyAuditChain(h.db, { checkpointFile: fileOf(h) })).toMatchObject({
      ok: false,
      brokenAt: await lastSeq(h),
      reason: expect.stringContaining('rewritten'),
    });
  });

  it('an unreadable line in the checkpoint file fails verify', async () => {
    const h = await harness();
    await writeCheckpoint(h.deps, fileOf(h));
    appendFileSync(fileOf(h), 'not a checkpoint\n');
    expect(await verifyAuditChain(h.db, { checkpointFile: fileOf(h) })).toMatchObject({
      ok: false,
      reason: expect.stringContaining('line(s) 2'),
    });
  });

  it('the scheduler anchors at start, on its interval only when the head moved, and once more on stop', async () => {
    const h = await harness();
    const logs: string[] = [];
    const cps = await startCheckpoints(h.deps, { file: fileOf(h), everyMs: 60_000, log: (m) => logs.push(m) });
    expect(readCheckpoints(fileOf(h)).checkpoints).toHaveLength(1);
    expect(await cps.tick()).toMatchObject({ written: false, why: 'unchanged' });
    await appendEvents(h, 1);
    await cps.stop();
    await cps.stop();
    expect(readCheckpoints(fileOf(h)).checkpoints.map((c) => c.seq)).toEqual([
      (await lastSeq(h)) - 1,
      await lastSeq(h),
    ]);
    const last = await lastSeq(h);
    await withoutTriggers(h, () => h.sql(sql`delete from audit_events where seq = ${last}`));
    expect(await cps.tick()).toMatchObject({ written: false, why: 'behind' });
    expect(logs[0]).toContain('AUDIT CHAIN BEHIND ITS CHECKPOINT');
  });

  it('GET /api/audit/checkpoints and the .log download are the auditor’s; the download is the file, audited', async () => {
    const h = await harness();
    await writeCheckpoint(h.deps, fileOf(h));
    await appendEvents(h, 1);
    await writeCheckpoint(h.deps, fileOf(h));
    expect((await h.get('/api/audit/checkpoints')).status).toBe(401);
    for (const who of ['admin', 'reviewer1', 'principalA', 'inspector']) {
      const s = await h.signIn(who);
      expect((await h.get('/api/audit/checkpoints', s)).status).toBe(403);
      expect((await h.get('/api/audit/checkpoints.log', s)).status).toBe(403);
    }
    const auditor = await h.signIn('auditor');
    const list = await h.get('/api/audit/checkpoints', auditor);
    expect(list.status).toBe(200);
    expect(await list.json()).toEqual({
      items: readCheckpoints(fileOf(h)).checkpoints.map(({ seq, hash, at }) => ({ seq, hash, at })),
      unreadableLines: [],
    });
    const file = await h.get('/api/audit/checkpoints.log', auditor);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-disposition')).toMatch(
      /attachment; filename="audit-checkpoints-\d{4}-\d{2}-\d{2}\.log"/,
    );
    expect(await file.text()).toBe(readFileSync(fileOf(h), 'utf8'));
    const exported = await h.sql(
      sql`select actor_name, meta from audit_events where action = 'audit.checkpoints.export'`,
    );
    expect(exported).toHaveLength(1);
    expect(exported[0]?.actor_name).toBe('auditor');
  });
});
