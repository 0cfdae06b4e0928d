import { PassThrough, Readable } from 'node:stream';
import ExcelJS from 'exceljs';

export type TColumn<Row> = { header: string; width: number; value: (row: Row) => string | number | null };

/** Formats an ISO instant as the bureau reads it: Beijing wall-clock time, `YYYY-MM-DD HH:mm`. */
export function beijing(iso: string | null): string {
  if (!iso) return '';
  const local = new Date(Date.parse(iso) + 8 * 3600 * 1000).toISOString();
  return `${local.slice(0, 10)} ${local.slice(11, 16)}`;
}

/**
 * Streams one sheet in the bureau's layout: a merged title row (district, list, export date), bold
 * Chinese headers with a fill, fixed column widths, header rows frozen. Rows come page by page from a
 * keyset walk, so memory stays flat however long the list is.
 */
export function xlsxStream<Row>(input: { title: string; sheetName: string; columns: TColumn<Row>[]; pages: Iterable<Row[] | TCut> }): ReadableStream {
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
  void (async () => {
    try {
      for (const page of input.pages) {
        if (!Array.isArray(page)) {
          // Never cut silently: the last row says where the file stops and what to do about it.
          const note = sheet.addRow([cutNote(page.rows)]);
          note.font = { bold: true, color: { argb: 'FFC00000' } };
          sheet.mergeCells(note.number, 1, note.number, input.columns.length);
          note.commit();
          continue;
        }
        for (const row of page) sheet.addRow(input.columns.map((c) => c.value(row))).commit();
        // Let the response drain between pages instead of buffering the whole file.
        await new Promise((resolve) => setImmediate(resolve));
      }
      sheet.commit();
      await workbook.commit();
    } catch (error) {
      console.error('export failed mid-stream', error);
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
export function* keysetPages<Row>(
  first: { items: Row[]; nextCursor: string | null },
  next: (cursor: string) => { items: Row[]; nextCursor: string | null },
  maxRows = EXPORT_MAX_ROWS,
): Generator<Row[] | TCut> {
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
    page = next(page.nextCursor as string);
  }
}
