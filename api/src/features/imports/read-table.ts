import ExcelJS from 'exceljs';

import { AppError } from '../../errors.js';

export type TTable = { headers: string[]; rows: Array<{ row: number; cells: string[] }> };

const fileError = (zh: string, en: string) =>
  new AppError('VALIDATION', { status: 422, fieldErrors: { file: { 'zh-CN': zh, en } } });

/** RFC 4180 CSV (quotes, doubled quotes, CRLF, a UTF-8 BOM as Excel writes it). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const src = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < src.length; i += 1) {
    const ch = src[i];
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i += 1;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

const cellText = (v: ExcelJS.CellValue): string => {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((r) => r.text).join('');
  if (typeof v === 'object' && 'text' in v) return String(v.text);
  if (typeof v === 'object' && 'result' in v) return String(v.result ?? '');
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v);
};

/** The first sheet of an .xlsx, or a .csv, as trimmed text with spreadsheet row numbers (header = 1). */
export async function readTable(file: File): Promise<TTable> {
  const name = file.name.toLowerCase();
  let grid: string[][];
  if (name.endsWith('.csv')) {
    grid = parseCsv(new TextDecoder('utf-8').decode(await file.arrayBuffer()));
  } else if (name.endsWith('.xlsx')) {
    const wb = new ExcelJS.Workbook();
    try {
      await wb.xlsx.load(await file.arrayBuffer());
    } catch {
      throw fileError(
        '无法读取该 Excel 文件，请另存为 .xlsx 后重试',
        'The Excel file could not be read; save it as .xlsx and try again',
      );
    }
    const sheet = wb.worksheets[0];
    grid = [];
    sheet?.eachRow({ includeEmpty: true }, (row, n) => {
      const values = Array.isArray(row.values) ? row.values.slice(1) : [];
      grid[n - 1] = values.map((v) => cellText(v as ExcelJS.CellValue));
    });
  } else {
    throw fileError('请上传 .xlsx 或 .csv 文件', 'Upload an .xlsx or .csv file');
  }
  const [head, ...body] = Array.from(grid, (r) => (r ?? []).map((c) => c.trim()));
  if (!head || head.every((h) => h === ''))
    throw fileError('文件第一行应为表头', 'The first row must hold the column headers');
  const rows = body.map((cells, i) => ({ row: i + 2, cells })).filter((r) => r.cells.some((c) => c !== ''));
  if (rows.length > 2000)
    throw fileError('一次最多导入 2000 行，请分批导入', 'At most 2,000 rows per import; split the file');
  return { headers: head, rows };
}

const norm = (h: string) => h.replace(/[\s*＊]/g, '').toLowerCase();
/** Column index by any of its accepted header names (Chinese or English, case and spaces ignored), or -1. */
export const columnOf = (headers: string[], names: string[]) => headers.findIndex((h) => names.includes(norm(h)));
