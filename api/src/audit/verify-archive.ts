import { createHash } from 'node:crypto';
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';

import type { Db } from '../db/client.js';
import type { TAuditEventRow } from '../db/schema.js';
import {
  ARCHIVE_ACTION,
  ARCHIVE_ENTITY_ID,
  ARCHIVE_ENTITY_TYPE,
  archiveRecords,
  hashesAt,
  type TArchiveRecord,
  ZArchiveRecord,
} from './anchor.js';
import { GENESIS_HASH } from './append.js';
import {
  manifestPathOf,
  type TArchiveHeader,
  type TArchiveLink,
  ZArchivedEvent,
  ZArchiveHeader,
  ZArchiveLink,
  ZArchiveManifest,
} from './archive-format.js';
import { readCheckpoints } from './checkpoints.js';
import type { TText } from './verify-result.js';
import { checkLink, type TChainPoint } from './walk.js';

type TLinkState = 'genesis' | 'live' | 'archive' | 'not found' | 'not checked';

export type TArchiveFileCheck = {
  file: string;
  ok: boolean;
  sha256: string;
  bytes: number;
  archiveId: string | null;
  fromSeq: number | null;
  throughSeq: number | null;
  count: number;
  manifest: 'ok' | 'absent' | 'differs';
  /** Where the archive event vouching for this file was found: the live table, or another given archive. */
  recorded: 'live' | 'archive' | 'not found' | 'not checked';
  previous: TLinkState;
  next: TLinkState;
  checkpointsChecked: number;
  problems: TText[];
};

type TRead = {
  header: TArchiveHeader | null;
  link: TArchiveLink | null;
  last: TChainPoint | null;
  count: number;
  records: TArchiveRecord[];
  checkpointsChecked: number;
  problems: TText[];
};

const problem = (zh: string, en: string): TText => ({ 'zh-CN': zh, en });

const parseJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};

async function fileDigest(path: string): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of createReadStream(path)) {
    hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
  }
  return { sha256: hash.digest('hex'), bytes };
}

/** Reads the file line by line (never whole), rehashing every event from the header's firstPrevHash. */
async function readArchive(path: string, checkpoints: Map<number, string>): Promise<TRead> {
  const out: TRead = {
    header: null,
    link: null,
    last: null,
    count: 0,
    records: [],
    checkpointsChecked: 0,
    problems: [],
  };
  let pending: string | null = null;
  let prev: TChainPoint | null = null;
  let lineNo = 0;
  const lines = createInterface({ input: createReadStream(path).pipe(createGunzip()), crlfDelay: Infinity });
  const event = (text: string, no: number): boolean => {
    if (!prev) return false;
    const parsed = ZArchivedEvent.safeParse(parseJson(text));
    if (!parsed.success) {
      out.problems.push(problem(`第 ${no} 行不是审计记录`, `line ${no} is not an audit event`));
      return false;
    }
    const row: TAuditEventRow = parsed.data;
    const broken = checkLink(prev, row);
    if (broken) {
      out.problems.push(
        problem(`归档内${broken.message['zh-CN']}`, `in the archive: ${broken.message.en} (event ${broken.brokenAt})`),
      );
      return false;
    }
    const cp = checkpoints.get(row.seq);
    if (cp !== undefined) {
      out.checkpointsChecked += 1;
      if (cp !== row.hash)
        out.problems.push(
          problem(`第 ${row.seq} 条记录与审计锚点不符`, `event ${row.seq} does not match its checkpoint`),
        );
    }
    if (
      row.action === ARCHIVE_ACTION &&
      row.outcome === 'success' &&
      row.entityType === ARCHIVE_ENTITY_TYPE &&
      row.entityId === ARCHIVE_ENTITY_ID
    ) {
      const record = ZArchiveRecord.safeParse(row.meta);
      if (record.success) out.records.push(record.data);
    }
    prev = { seq: row.seq, hash: row.hash };
    out.count += 1;
    return true;
  };
  try {
    for await (const text of lines) {
      lineNo += 1;
      if (text.trim() === '') continue;
      if (!out.header) {
        const header = ZArchiveHeader.safeParse(parseJson(text));
        if (!header.success) {
          out.problems.push(problem('第 1 行不是审计归档的文件头', 'line 1 is not an audit archive header'));
          return out;
        }
        out.header = header.data;
        prev = { seq: header.data.fromSeq - 1, hash: header.data.firstPrevHash };
        continue;
      }
      // One line of look-ahead: the last line is the link, every one before it an event.
      if (pending !== null && !event(pending, lineNo - 1)) return out;
      pending = text;
    }
  } catch (err) {
    out.problems.push(
      problem(`文件无法解压或解析：${String(err)}`, `the file cannot be decompressed or parsed: ${String(err)}`),
    );
    return out;
  }
  out.last = prev;
  const link = pending === null ? null : ZArchiveLink.safeParse(parseJson(pending));
  if (!link?.success) {
    out.problems.push(
      problem('文件缺少结尾的链接行（可能被截断）', 'the closing link line is missing (the file may be truncated)'),
    );
    return out;
  }
  out.link = link.data;
  const l = link.data;
  if (
    l.count !== out.count ||
    l.throughSeq !== prev?.seq ||
    l.lastHash !== prev?.hash ||
    l.firstKeptSeq !== l.throughSeq + 1 ||
    l.firstKeptPrevHash !== l.lastHash
  ) {
    out.problems.push(problem('结尾链接行与归档记录不符', 'the link line does not match the archived events'));
  }
  return out;
}

function manifestState(
  path: string,
  digest: { sha256: string; bytes: number },
  read: TRead,
): TArchiveFileCheck['manifest'] {
  const file = manifestPathOf(path);
  if (!existsSync(file)) return 'absent';
  try {
    const m = ZArchiveManifest.parse(JSON.parse(readFileSync(file, 'utf8')));
    const same =
      m.sha256 === digest.sha256 &&
      m.bytes === digest.bytes &&
      m.archiveId === read.header?.archiveId &&
      m.fromSeq === read.header.fromSeq &&
      m.firstPrevHash === read.header.firstPrevHash &&
      m.throughSeq === read.link?.throughSeq &&
      m.lastHash === read.link.lastHash &&
      m.count === read.link.count;
    return same ? 'ok' : 'differs';
  } catch {
    return 'differs';
  }
}

/**
 * Checks archive files on their own (decompresses, rehashes every event from the header's prev hash, the
 * closing link line, the manifest's SHA-256) and, given the database, that each links into the live chain:
 * the chain (or another given archive) records the archive with this very SHA-256, and the rows on either
 * side hash-link to it — directly, or through other archives' records. Checkpoints that fall inside an
 * archive are held to it too.
 */
export async function verifyArchiveFiles(
  paths: string[],
  opts: { db?: Db; checkpointFile?: string } = {},
): Promise<TArchiveFileCheck[]> {
  const checkpoints = new Map<number, string>();
  if (opts.checkpointFile)
    for (const cp of readCheckpoints(opts.checkpointFile).checkpoints) checkpoints.set(cp.seq, cp.hash);
  const files = [];
  for (const path of paths) {
    const digest = await fileDigest(path);
    const read = await readArchive(path, checkpoints);
    files.push({ path, digest, read });
  }
  const live = opts.db ? await archiveRecords(opts.db) : [];
  const fromFiles = files.flatMap((f) => f.read.records);
  const liveIds = new Set(live.map((r) => r.archiveId));
  const records = [...live, ...fromFiles];
  // The prev hash of the first row each file leaves in the table (one point lookup per file).
  const kept = new Map<string, string | undefined>();
  for (const { path, read } of files)
    if (opts.db && read.link) kept.set(path, (await hashesAt(opts.db, read.link.firstKeptSeq))?.prevHash);
  const checkDb = Boolean(opts.db);

  return files.map(({ path, digest, read }) => {
    const problems = [...read.problems];
    const h = read.header;
    const l = read.link;
    let recorded: TArchiveFileCheck['recorded'] = checkDb ? 'not found' : 'not checked';
    let previous: TLinkState = checkDb ? 'not found' : 'not checked';
    let next: TLinkState = checkDb ? 'not found' : 'not checked';
    if (h) {
      const own = records.find((r) => r.archiveId === h.archiveId);
      if (own) {
        recorded = liveIds.has(own.archiveId) ? 'live' : 'archive';
        const sameRange = !l || (own.throughSeq === l.throughSeq && own.lastHash === l.lastHash);
        if (
          own.sha256 !== digest.sha256 ||
          own.fromSeq !== h.fromSeq ||
          own.firstPrevHash !== h.firstPrevHash ||
          !sameRange
        ) {
          problems.push(
            problem(
              '文件与审计链中记录的归档（SHA-256 或范围）不符',
              'the file differs from the archive recorded in the chain (SHA-256 or range)',
            ),
          );
        }
      }
      if (h.fromSeq === 1 && h.firstPrevHash === GENESIS_HASH) previous = 'genesis';
      else if (records.some((r) => r.throughSeq === h.fromSeq - 1 && r.lastHash === h.firstPrevHash))
        previous = 'archive';
      if (checkDb && recorded === 'not found')
        problems.push(
          problem(
            '审计链（及所给的其他归档）中没有该归档的记录',
            'neither the live chain nor the other given archives record this archive',
          ),
        );
      if (checkDb && previous === 'not found')
        problems.push(
          problem(
            `找不到第 ${h.fromSeq - 1} 条（上一段）与本归档的衔接`,
            `nothing links event ${h.fromSeq - 1} (the part before) to this archive`,
          ),
        );
    }
    if (l) {
      const keptPrev = kept.get(path);
      if (keptPrev !== undefined) next = keptPrev === l.lastHash ? 'live' : 'not found';
      else if (records.some((r) => r.fromSeq === l.firstKeptSeq && r.firstPrevHash === l.lastHash)) next = 'archive';
      if (checkDb && next === 'not found')
        problems.push(
          problem(
            `第 ${l.firstKeptSeq} 条（下一段）未衔接到本归档的最后哈希`,
            `event ${l.firstKeptSeq} (the part after) does not link to this archive's last hash`,
          ),
        );
    }
    const manifest = manifestState(path, digest, read);
    if (manifest === 'differs')
      problems.push(problem('清单（manifest）与文件不符', 'the manifest does not match the file'));
    return {
      file: basename(path),
      ok: problems.length === 0,
      sha256: digest.sha256,
      bytes: digest.bytes,
      archiveId: h?.archiveId ?? null,
      fromSeq: h?.fromSeq ?? null,
      throughSeq: l?.throughSeq ?? null,
      count: read.count,
      manifest,
      recorded,
      previous,
      next,
      checkpointsChecked: read.checkpointsChecked,
      problems,
    };
  });
}
