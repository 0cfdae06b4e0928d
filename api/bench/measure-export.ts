/**
 * The bureau's Excel export of instances (the newest ~100k, or all in a smaller city): time to the last
 * byte, data rows in the file against the rows the database holds, the server's peak memory meanwhile,
 * and /api/health polled every 10 ms beside it.
 */
import { Readable } from 'node:stream';

import ExcelJS from 'exceljs';

import { request, type TSession } from './http.js';
import { expectedExportRows } from './plan.js';
import { type TProbeResult, whileProbing } from './probe.js';
import type { TServer } from './start-server.js';

/** The title row and the header row above the data. */
const HEADER_ROWS = 2;

export type TExport = {
  ms: number;
  status: number;
  bytes: number;
  rows: number;
  expectedRows: number;
  peakRssMb: number;
  rssBeforeMb: number;
  stall: TProbeResult;
};

async function dataRows(xlsx: Buffer): Promise<number> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(xlsx), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
    entries: 'ignore',
  });
  let rows = 0;
  for await (const sheet of reader) for await (const _row of sheet) rows++;
  return Math.max(0, rows - HEADER_ROWS);
}

export async function measureExport(
  server: TServer,
  admin: TSession,
  dbFile: string,
  from: string | null,
): Promise<TExport> {
  const expectedRows = expectedExportRows(dbFile, from);
  server.resetPeak();
  const rssBeforeMb = server.peakRssMb();
  const url = `${server.url}/api/exports/instances.xlsx${from ? `?from=${encodeURIComponent(from)}` : ''}`;
  const [res, stall] = await whileProbing(`${server.url}/api/health`, 10, () =>
    request(url, { headers: { cookie: admin.cookie }, timeoutMs: 600_000 }),
  );
  const peakRssMb = server.peakRssMb();
  const rows = res.status === 200 ? await dataRows(res.body) : 0;
  return { ms: res.ms, status: res.status, bytes: res.body.length, rows, expectedRows, peakRssMb, rssBeforeMb, stall };
}
