import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';

import { tx } from '../db/client.js';
import { dropAuditTrigger } from '../test/audit-tamper.js';
import { type Harness, makeHarness } from '../test/harness.js';
import { ARCHIVE_ACTION, ARCHIVE_ENTITY_ID, ARCHIVE_ENTITY_TYPE } from './anchor.js';
import { appendAudit } from './append.js';
import { cutoffInstant, ensureAuditRetention, latestCutoffDate } from './retention.js';

const open: Harness[] = [];
afterEach(async () => {
  for (const h of open.splice(0)) await h.close();
});

/** Setup events written a year before the real clock, so the database's 'now' sees them as past retention. */
async function oldHarness() {
  const h = await makeHarness({ clockStart: new Date(Date.now() - 400 * 86_400_000).toISOString() });
  open.push(h);
  return h;
}

/** Rows deleted, beneath the use-cases. */
const remove = async (h: Harness, seq: number) =>
  (await h.sql(sql`delete from audit_events where seq = ${seq} returning seq`)).length;

/** An archive record as the archiver writes it; only throughSeq matters to the trigger. */
async function recordArchive(h: Harness, throughSeq: number) {
  h.clock.set(new Date().toISOString());
  await tx(h.db, () =>
    appendAudit(h.db, {
      at: h.clock.now().toISOString(),
      actor: null,
      action: ARCHIVE_ACTION,
      entityType: ARCHIVE_ENTITY_TYPE,
      entityId: ARCHIVE_ENTITY_ID,
      outcome: 'success',
      meta: { throughSeq },
    }),
  );
}

describe('audit retention (等保 2.0: kept ≥ 180 days), enforced by the database', () => {
  it('refuses deleting an old event no archive covers', async () => {
    const h = await oldHarness();
    await expect(remove(h, 1)).rejects.toThrow(/append-only: DELETE refused/);
  });

  it('allows deleting an old event a recorded archive covers, and nothing past it', async () => {
    const h = await oldHarness();
    await recordArchive(h, 3);
    expect(await remove(h, 3)).toBe(1);
    await expect(remove(h, 4)).rejects.toThrow(/DELETE refused/);
  });

  it('refuses deleting an event younger than 180 days even when an archive claims it', async () => {
    const h = await makeHarness();
    open.push(h);
    await recordArchive(h, 10);
    await expect(remove(h, 1)).rejects.toThrow(/kept 180 days/);
  });

  it('a denied archive attempt is no anchor', async () => {
    const h = await oldHarness();
    await tx(h.db, () =>
      appendAudit(h.db, {
        at: new Date().toISOString(),
        actor: null,
        action: ARCHIVE_ACTION,
        entityType: ARCHIVE_ENTITY_TYPE,
        entityId: ARCHIVE_ENTITY_ID,
        outcome: 'denied',
        meta: { throughSeq: 5 },
      }),
    );
    await expect(remove(h, 1)).rejects.toThrow(/DELETE refused/);
  });

  it('is installed at start-up, left alone when intact, and put back when dropped', async () => {
    const h = await oldHarness();
    expect(await ensureAuditRetention(h.db)).toBe('unchanged');
    await dropAuditTrigger(h, 'audit_events_no_delete');
    expect(await ensureAuditRetention(h.db)).toBe('installed');
    await expect(remove(h, 1)).rejects.toThrow(/DELETE refused/);
    expect(await ensureAuditRetention(h.db)).toBe('unchanged');
  });

  it('the latest cut-off date is the district day that began at least 180 days ago', () => {
    const now = new Date('2026-12-04T19:00:00.000Z');
    // now − 180 d = 2026-06-07T19:00Z = 06-08 03:00 in Beijing: 06-08 began at 06-07T16:00Z, before the limit.
    expect(latestCutoffDate(now)).toBe('2026-06-08');
    expect(cutoffInstant('2026-06-08')).toBe('2026-06-07T16:00:00.000Z');
    expect(Date.parse(cutoffInstant(latestCutoffDate(now)))).toBeLessThanOrEqual(now.getTime() - 180 * 86_400_000);
    expect(Date.parse(cutoffInstant('2026-06-09'))).toBeGreaterThan(now.getTime() - 180 * 86_400_000);
  });
});
