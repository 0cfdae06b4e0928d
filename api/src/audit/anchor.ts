import { z } from 'zod';

import type { Db } from '../db/client.js';
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

/** The SQL both the anchor lookup and the retention trigger use: one index range (entity_type, entity_id, seq). */
export const NEWEST_ARCHIVE_SQL = `SELECT seq, at, meta FROM audit_events
  WHERE entity_type = '${ARCHIVE_ENTITY_TYPE}' AND entity_id = '${ARCHIVE_ENTITY_ID}' AND action = '${ARCHIVE_ACTION}' AND outcome = 'success'
  ORDER BY seq DESC LIMIT 1`;

/** Every recorded archive, oldest first (the console lists them; the archive verifier links files through them). */
export function archiveRecords(db: Db): Array<TArchiveRecord & { eventSeq: number; at: string }> {
  const rows = db.$client
    .prepare<[], { seq: number; at: string; meta: string | null }>(
      NEWEST_ARCHIVE_SQL.replace('ORDER BY seq DESC LIMIT 1', 'ORDER BY seq'),
    )
    .all();
  return rows.flatMap((r) => {
    const parsed = ZArchiveRecord.safeParse(r.meta ? JSON.parse(r.meta) : null);
    return parsed.success ? [{ ...parsed.data, eventSeq: r.seq, at: r.at }] : [];
  });
}

/**
 * The live chain's anchor. An archive event whose meta does not parse is not an anchor: verify then walks
 * from the genesis and reports the rows that are missing, which is the truth.
 */
export function chainAnchor(db: Db): TChainAnchor {
  const row = db.$client.prepare<[], { seq: number; at: string; meta: string | null }>(NEWEST_ARCHIVE_SQL).get();
  if (!row) return GENESIS_ANCHOR;
  const parsed = ZArchiveRecord.safeParse(row.meta ? JSON.parse(row.meta) : null);
  if (!parsed.success) return GENESIS_ANCHOR;
  return {
    seq: parsed.data.throughSeq,
    hash: parsed.data.lastHash,
    archive: { ...parsed.data, eventSeq: row.seq, at: row.at },
  };
}

/** The lowest seq still in the table: below the anchor only while an archive's rows are being removed (or a removal was cut short). */
export function auditTail(db: Db): number | null {
  return db.$client.prepare<[], { s: number | null }>('select min(seq) as s from audit_events').get()?.s ?? null;
}
