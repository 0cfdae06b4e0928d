import type { EventEmitter } from 'node:events';
import { PassThrough, Readable } from 'node:stream';

import ExcelJS from 'exceljs';

import { breathe } from '../../lib/slices.js';
import { logger } from '../../log/logger.js';

export type TColumn<Row> = { header: string; width: number; value: (row: Row) => string | number | null };

/** Formats an ISO instant as the bureau reads it: Beijing wall-clock time, `YYYY-MM-DD HH:mm`. */
export function beijing(iso: string | null): string {
  if (!iso) return '';
  const local = new Date(Date.parse(iso) + 8 * 3600 * 1000).toISOString();
  return `${local.slice(0, 10)} ${local.slice(11, 16)}`;
}

// Every data cell shares one style object (by value type), so exceljs resolves its style id once from
// its cache instead of building and hashing a fresh empty style for each of a million cells (issue 11).
const PLAIN_CELL = Object.freeze({});
const NUMBER_CELL = Object.freeze({});

/** Resolves at the first of these events (each listener removed then). */
function firstOf(...waits: Array<[EventEmitter, string]>): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      for (const [emitter, event] of waits) emitter.off(event, done);
      resolve();
    };
    for (const [emitter, event] of waits) emitter.on(event, done);
  });
}

/**
 * XML not yet compressed may pile up to this much before the walk waits: the sheet's rows are written
 * faster than zlib packs them, and a slow client holds the packed bytes back too. Without a bound the
 * whole sheet (about 400 bytes a row) would sit in memory.
 */
const MAX_UNPACKED_BYTES = 4 * 1024 * 1024;

type TZipInput = EventEmitter & { _writableState?: { length?: number } };

/**
 * Bytes exceljs's streaming sheet has handed the zip that it has not packed yet: they wait in the
 * PassThrough (readable-stream 2, hence `_writableState`) archiver wraps the sheet's stream in when the
 * sheet is added; exceljs exposes no backpressure of its own. Zero, with no waiting, if that ever changes.
 */
function zipBacklog(sheet: ExcelJS.Worksheet): { bytes: () => number; input: TZipInput | null } {
  const input = (sheet as unknown as { stream?: { pipes?: TZipInput[] } }).stream?.pipes?.[0] ?? null;
  return { input, bytes: () => input?._writableState?.length ?? 0 };
}

/**
 * Streams one sheet in the bureau's layout: a merged title row (district, list, export date), bold
 * Chinese headers with a fill, fixed column widths, header rows frozen. Rows come page by page from a
 * keyset walk (each page one indexed read), written with exceljs's streaming writer and compressed as
 * they go, so memory stays flat however long the list is. The walk shares the thread (issue 11): it
 * yields to the event loop after every page (a read and its rows, a few milliseconds: on a busy core a
 * longer slice is what a health check waits behind), waits while zlib or the client has not taken what
 * was sent, and stops reading when the client goes away.
 */
export function xlsxStream<Row>(input: {
  title: string;
  sheetName: string;
  columns: TColumn<Row>[];
  pages: AsyncIterable<Row[] | TCut> | Iterable<Row[] | TCut>;
}): ReadableStream {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(input.sheetName, { views: [{ state: 'frozen', ySplit: 2 }] });
  sheet.columns = input.columns.map((c, i) => ({ key: `c${i}`, width: c.width }));
  const title = sheet.addRow([input.title]);
  title.font = { bold: true, size: 14 };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  title.height = 28;
  sheet.mergeCells(1, 1, 1, input.columns.length);
  title.commit();
  const header = sheet.addRow(input.columns.map((c) => c.header));
  header.font = { bold: true };
  header.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE6F0FF' } };
    cell.border = { bottom: { style: 'thin' } };
  });
  header.commit();
  const backlog = zipBacklog(sheet);
  const values = input.columns.map((c) => c.value);
  const writeRow = (row: Row) => {
    const line = sheet.addRow(values.map((value) => value(row)));
    line.eachCell((cell) => {
      cell.style = typeof cell.value === 'number' ? NUMBER_CELL : PLAIN_CELL;
    });
    line.commit();
  };
  void (async () => {
    try {
      for await (const page of input.pages) {
        if (!Array.isArray(page)) {
          // Never cut silently: the last row says where the file stops and what to do about it.
          const note = sheet.addRow([cutNote(page.rows)]);
          note.font = { bold: true, color: { argb: 'FFC00000' } };
          sheet.mergeCells(note.number, 1, note.number, input.columns.length);
          note.commit();
          continue;
        }
        for (const row of page) writeRow(row);
        // zlib or the client is behind: wait for them rather than hold the file in memory.
        if (backlog.input && backlog.bytes() > MAX_UNPACKED_BYTES)
          await firstOf([backlog.input, 'drain'], [out, 'close']);
        // A breath, not one turn: a request on a new connection needs several (see breathe).
        else await breathe();
        // The client went away (the response stream was cancelled): read no further page.
        if (out.destroyed) return;
      }
      sheet.commit();
      await workbook.commit();
    } catch (error) {
      logger.error({ err: error }, 'export failed mid-stream');
      out.destroy(error instanceof Error ? error : new Error(String(error)));
    }
  })();
  return Readable.toWeb(out) as ReadableStream;
}

/**
 * Rows one file holds: an Excel sheet stops at 1,048,576 rows. The console says so beside the export
 * button (exports.limit), and a cut file ends with a row saying so.
 */
export const EXPORT_MAX_ROWS = 1_000_000;

/** Where a walk stopped at EXPORT_MAX_ROWS with rows still to come. */
export type TCut = { cut: true; rows: number };

export const cutNote = (rows: number) =>
  `已达单个文件上限：仅导出前 ${rows.toLocaleString('en-US')} 行，其余记录未导出，请缩小筛选范围后分批导出。(Stopped at the ${rows.toLocaleString('en-US')}-row limit of one file; narrow the filters and export the rest separately.)`;

/** Walks a keyset-paginated use-case to the end: the first page runs now (so bad filters and permissions fail before streaming). */
export async function* keysetPages<Row>(
  first: { items: Row[]; nextCursor: string | null },
  next: (cursor: string) => Promise<{ items: Row[]; nextCursor: string | null }>,
  maxRows = EXPORT_MAX_ROWS,
): AsyncGenerator<Row[] | TCut> {
  let page = first;
  let rows = 0;
  for (;;) {
    const room = maxRows - rows;
    yield page.items.length > room ? page.items.slice(0, room) : page.items;
    rows += Math.min(page.items.length, room);
    if (!page.nextCursor && page.items.length <= room) return;
    if (rows >= maxRows) {
      yield { cut: true, rows };
      return;
    }
    page = await next(page.nextCursor as string);
  }
}
