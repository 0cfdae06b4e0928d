import { z } from 'zod';

/**
 * An archive file is gzip'd JSON Lines: a header line, one line per archived event exactly as the table
 * held it (hash and prevHash included), and a closing link line that ties it to the rows left behind.
 * The manifest beside it (`.manifest.json`) carries the file's SHA-256; the archive event in the chain
 * carries the same, so the live chain vouches for the file.
 */
export const ARCHIVE_FORMAT = 'eduflow-audit-archive';
export const MANIFEST_FORMAT = 'eduflow-audit-archive-manifest';

export const ZArchiveHeader = z.object({
  kind: z.literal('header'),
  format: z.literal(ARCHIVE_FORMAT),
  version: z.literal(1),
  archiveId: z.string(),
  createdAt: z.string(),
  createdBy: z.object({ id: z.string(), displayName: z.string() }).nullable(),
  cutoff: z.string(),
  fromSeq: z.number().int().positive(),
  firstPrevHash: z.string(),
});
export type TArchiveHeader = z.infer<typeof ZArchiveHeader>;

export const ZArchiveLink = z.object({
  kind: z.literal('link'),
  count: z.number().int().positive(),
  throughSeq: z.number().int().positive(),
  firstAt: z.string(),
  lastAt: z.string(),
  lastHash: z.string(),
  firstKeptSeq: z.number().int().positive(),
  firstKeptPrevHash: z.string(),
});
export type TArchiveLink = z.infer<typeof ZArchiveLink>;

/** An archived event: the table's row, parsed back for hashing. */
export const ZArchivedEvent = z.object({
  seq: z.number().int().positive(),
  id: z.string(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  outcome: z.enum(['success', 'denied', 'failed']),
  before: z.unknown(),
  after: z.unknown(),
  meta: z.unknown(),
  prevHash: z.string(),
  hash: z.string(),
});

export const ZArchiveManifest = z.object({
  format: z.literal(MANIFEST_FORMAT),
  version: z.literal(1),
  archiveId: z.string(),
  file: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  bytes: z.number().int().nonnegative(),
  createdAt: z.string(),
  createdBy: z.object({ id: z.string(), displayName: z.string() }).nullable(),
  cutoff: z.string(),
  fromSeq: z.number().int().positive(),
  throughSeq: z.number().int().positive(),
  count: z.number().int().positive(),
  firstAt: z.string(),
  lastAt: z.string(),
  firstPrevHash: z.string(),
  lastHash: z.string(),
  firstKeptSeq: z.number().int().positive(),
  firstKeptPrevHash: z.string(),
});
export type TArchiveManifest = z.infer<typeof ZArchiveManifest>;

export const archiveBaseName = (fromSeq: number, throughSeq: number) => `audit-archive-${fromSeq}-${throughSeq}`;
export const archiveFileName = (fromSeq: number, throughSeq: number) =>
  `${archiveBaseName(fromSeq, throughSeq)}.jsonl.gz`;
/** `x.jsonl.gz` → `x.manifest.json`, beside it. */
export const manifestPathOf = (archivePath: string) => archivePath.replace(/\.jsonl\.gz$/, '') + '.manifest.json';
