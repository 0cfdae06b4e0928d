import { and, asc, desc, eq, min } from 'drizzle-orm';
import { z } from 'zod';

import type { Db } from '../db/client.js';
import { auditEvents } from '../db/schema.js';
import { GENESIS_HASH } from './append.js';

/**
 * An archive is recorded in the chain itself: one `audit.archive` event on this entity, whose meta says
 * which rows left the table and the hash of the last one. The newest such event is where the live chain
 * legitimately begins (its anchor); the event is hash-chained and young, so it cannot be dropped or edited
 * without verify or the retention trigger noticing.
 */
export const ARCHIVE_ACTION = 'audit.archive';
export const ARCHIVE_ENTITY_TYPE = 'AuditArchive';
export const ARCHIVE_ENTITY_ID = 'audit_events';

export const ZArchiveRecord = z.object({
  archiveId: z.string(),
  file: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  bytes: z.number().int().nonnegative(),
  cutoff: z.string(),
  fromSeq: z.number().int().positive(),
  throughSeq: z.number().int().positive(),
  count: z.number().int().positive(),
  firstAt: z.string(),
  lastAt: z.string(),
  /** The prevHash of the first archived row: the previous anchor's hash, or the genesis hash. */
  firstPrevHash: z.string(),
  /** The hash of the last archived row: the new anchor. */
  lastHash: z.string(),
  firstKeptSeq: z.number().int().positive(),
  /** The prevHash of the first row left in the table; equal to lastHash, recorded so the link can be read off the event. */
  firstKeptPrevHash: z.string(),
});
export type TArchiveRecord = z.infer<typeof ZArchiveRecord>;

/** Where verification starts: after the newest archive, or at the genesis when nothing was archived. */
export type TChainAnchor = {
  seq: number;
  hash: string;
  archive: (TArchiveRecord & { eventSeq: number; at: string }) | null;
};

export const GENESIS_ANCHOR: TChainAnchor = { seq: 0, hash: GENESIS_HASH, archive: null };

/** The newest archive event as the retention trigger reads it (the same range as archiveEvents below). */
export const NEWEST_ARCHIVE_SQL = `SELECT seq, at, meta FROM audit_events
  WHERE entity_type = '${ARCHIVE_ENTITY_TYPE}' AND entity_id = '${ARCHIVE_ENTITY_ID}' AND action = '${ARCHIVE_ACTION}' AND outcome = 'success'
  ORDER BY seq DESC LIMIT 1`;

/** The archive events, as the anchor lookup reads them: one index range (entity_type, entity_id, seq). */
const archiveEvents = (db: Db) =>
  db
    .select({ seq: auditEvents.seq, at: auditEvents.at, meta: auditEvents.meta })
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.entityType, ARCHIVE_ENTITY_TYPE),
        eq(auditEvents.entityId, ARCHIVE_ENTITY_ID),
        eq(auditEvents.action, ARCHIVE_ACTION),
        eq(auditEvents.outcome, 'success'),
      ),
    );

const recordOf = (r: { seq: number; at: string; meta: unknown }) => {
  const parsed = ZArchiveRecord.safeParse(r.meta ?? null);
  return parsed.success ? { ...parsed.data, eventSeq: r.seq, at: r.at } : null;
};

/** Every recorded archive, oldest first (the console lists them; the archive verifier links files through them). */
export async function archiveRecords(db: Db): Promise<Array<TArchiveRecord & { eventSeq: number; at: string }>> {
  const rows = await archiveEvents(db).orderBy(asc(auditEvents.seq));
  return rows.flatMap((r) => recordOf(r) ?? []);
}

/**
 * The live chain's anchor. An archive event whose meta does not parse is not an anchor: verify then walks
 * from the genesis and reports the rows that are missing, which is the truth.
 */
export async function chainAnchor(db: Db): Promise<TChainAnchor> {
  const row = (await archiveEvents(db).orderBy(desc(auditEvents.seq)).limit(1))[0];
  const archive = row ? recordOf(row) : null;
  return archive ? { seq: archive.throughSeq, hash: archive.lastHash, archive } : GENESIS_ANCHOR;
}

/** The lowest seq still in the table: below the anchor only while an archive's rows are being removed (or a removal was cut short). */
export async function auditTail(db: Db): Promise<number | null> {
  return (await db.select({ s: min(auditEvents.seq) }).from(auditEvents))[0]?.s ?? null;
}

/** One event's stored hashes (hex), or undefined when the row is not in the table. */
export async function hashesAt(db: Db, seq: number): Promise<{ hash: string; prevHash: string } | undefined> {
  return (
    await db
      .select({ hash: auditEvents.hash, prevHash: auditEvents.prevHash })
      .from(auditEvents)
      .where(eq(auditEvents.seq, seq))
      .limit(1)
  )[0];
}
