import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

import chineseDays from 'chinese-days';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { type Harness, makeHarness, type Session } from '../../test/harness.js';

let h: Harness;
let admin: Session;
beforeAll(async () => {
  h = await makeHarness();
  admin = await h.signIn('admin');
});
afterAll(() => h.close());

type Day = { date: string; name: string };
type Result = {
  dryRun: boolean;
  year: number;
  source: string;
  holidays: Day[];
  workdays: Day[];
  skipped: Array<Day & { kind: string }>;
  errors: Array<{ row: number; field: string; message: { 'zh-CN': string; en: string } }>;
  saved: { year: number; version: number; source: string; inEffect: boolean } | null;
};

async function upload(
  year: number,
  file: File,
  fields: Record<string, string> = {},
  opts: { dryRun?: boolean; as?: Session } = {},
) {
  const form = new FormData();
  form.set('file', file);
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  const s = opts.as ?? admin;
  const res = await h.app.request(`/api/calendar/statutory/${year}/import${opts.dryRun ? '?dryRun=1' : ''}`, {
    method: 'POST',
    headers: { cookie: s.cookie, 'x-csrf-token': s.csrf },
    body: form,
  });
  return { status: res.status, body: (await res.json()) as Result };
}

async function xlsx(rows: string[][], name = '安排.xlsx'): Promise<File> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('法定节假日安排');
  for (const r of rows) sheet.addRow(r);
  return new File([(await wb.xlsx.writeBuffer()) as ArrayBuffer], name);
}
const ics = (events: string[], name = '节假日.ics') =>
  new File([['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//test//CN', ...events, 'END:VCALENDAR'].join('\r\n')], name);
const vevent = (start: string, end: string, summary: string, extra: string[] = []) =>
  [
    'BEGIN:VEVENT',
    `UID:${start}-${summary}`,
    `DTSTART;VALUE=DATE:${start}`,
    `DTEND;VALUE=DATE:${end}`,
    `SUMMARY:${summary}`,
    ...extra,
    'END:VEVENT',
  ].join('\r\n');
const loadedYears = async () =>
  (
    (await (await h.get('/api/calendar/statutory', admin)).json()) as {
      items: Array<{ year: number; version: number; source: string }>;
    }
  ).items;

// Made-up 2028 days for the tests, NOT an official arrangement.
const HEADER = ['日期', '类型', '名称'];

describe('POST /calendar/statutory/{year}/import (Excel)', () => {
  it('lists every bad row with its row number and writes nothing', async () => {
    const file = await xlsx([
      HEADER,
      ['2028-10-02', '放假', '国庆节'],
      ['2028-02-30', '放假', '春节'], // row 3: no such day
      ['2028/10/03', '请假', '国庆节'], // row 4: unknown type
      ['2027-12-31', '放假', '元旦'], // row 5: another year
      ['2028-10-02', '放假', '国庆节'], // row 6: listed twice
      ['2028-10-02', '上班', '国庆节'], // row 7: both off and worked
      ['2028-10-10', '上班', '国庆节'], // row 8: a Tuesday is a working day already
      ['2028-10-04', '放假', ''], // row 9: no name
    ]);
    const { status, body } = await upload(2028, file, { expectedVersion: '0' });
    expect(status).toBe(200);
    expect(body.saved).toBeNull();
    expect(body.errors.map((e) => [e.row, e.field])).toEqual([
      [3, 'date'],
      [4, 'kind'],
      [5, 'date'],
      [6, 'date'],
      [7, 'date'],
      [8, 'date'],
      [9, 'name'],
    ]);
    for (const e of body.errors) expect(e.message['zh-CN'] && e.message.en).toBeTruthy();
    expect(body.errors.find((e) => e.row === 5)?.message['zh-CN']).toContain('不在 2028 年内');
    expect(await loadedYears()).toEqual([]);
  });

  it('refuses a sheet without its columns, and a file it cannot read, with a 422', async () => {
    const { body } = await upload(
      2028,
      await xlsx([
        ['日子', '名称'],
        ['2028-10-02', '国庆节'],
      ]),
      {},
      { dryRun: true },
    );
    expect(body.errors.map((e) => [e.row, e.field])).toEqual([
      [1, 'date'],
      [1, 'kind'],
    ]);
    expect((await upload(2028, new File(['not a workbook'], 'x.xlsx'))).status).toBe(422);
    expect((await upload(2028, new File(['hello'], 'x.txt'))).status).toBe(422);
  });

  it('previews a good file (dry run writes nothing), then loads it, versioned, as typed dates or Excel dates', async () => {
    const rows = [
      HEADER,
      ['2028-10-02', '放假', '国庆节'],
      ['2028年10月3日', '放假', '国庆节'],
      ['2028/10/8', '上班', '国庆节'],
    ];
    const file = await xlsx(rows);
    const preview = await upload(2028, file, {}, { dryRun: true });
    expect(preview.body).toMatchObject({ dryRun: true, year: 2028, source: 'xlsx', errors: [], saved: null });
    expect(preview.body.holidays).toEqual([
      { date: '2028-10-02', name: '国庆节' },
      { date: '2028-10-03', name: '国庆节' },
    ]);
    expect(preview.body.workdays).toEqual([{ date: '2028-10-08', name: '国庆节' }]);
    expect(await loadedYears()).toEqual([]);

    // The real import needs the version the admin saw.
    expect((await upload(2028, file)).status).toBe(400);
    const loaded = await upload(2028, file, { expectedVersion: '0', documentNo: '测试〔2028〕1号' });
    expect(loaded.body.saved).toMatchObject({ year: 2028, version: 1, source: 'xlsx', inEffect: true });
    expect((await upload(2028, file, { expectedVersion: '0' })).status).toBe(409);

    // A date cell (not text) reads the same.
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('s');
    sheet.addRow(HEADER);
    sheet.addRow([new Date(Date.UTC(2028, 9, 2)), '放假', '国庆节']);
    const dated = await upload(
      2028,
      new File([(await wb.xlsx.writeBuffer()) as ArrayBuffer], 'd.xlsx'),
      {},
      { dryRun: true },
    );
    expect(dated.body.holidays).toEqual([{ date: '2028-10-02', name: '国庆节' }]);
  });

  it('offers the template: 日期 / 类型 / 名称 and how to fill it', async () => {
    const res = await h.get('/api/calendar/statutory/template.xlsx', admin);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    expect(wb.worksheets.map((s) => s.name)).toEqual(['法定节假日安排', '填写说明']);
    expect((wb.worksheets[0]?.getRow(1).values as string[]).slice(1)).toEqual(HEADER);
    // The template imports as it is: an empty sheet is refused for having no day off, nothing else.
    const empty = await upload(
      2028,
      new File([await (await h.get('/api/calendar/statutory/template.xlsx', admin)).arrayBuffer()], 't.xlsx'),
      {},
      { dryRun: true },
    );
    expect(empty.body.errors.map((e) => [e.row, e.field])).toEqual([[0, 'file']]);
  });

  it('is the bureau admin’s: anyone else is refused', async () => {
    expect(
      (
        await upload(
          2029,
          await xlsx([HEADER, ['2029-10-01', '放假', '国庆节']]),
          { expectedVersion: '0' },
          { as: await h.signIn('principalA') },
        )
      ).status,
    ).toBe(403);
  });
});

describe('POST /calendar/statutory/{year}/import (ICS)', () => {
  const pkgDir = createRequire(import.meta.url)
    .resolve('chinese-days/package.json')
    .replace(/package\.json$/, '');
  const packageIcs = (file: string) => new File([readFileSync(`${pkgDir}dist/${file}`)], file.split('/').pop() ?? file);
  // What the package itself says of 2026, asked through its functions.
  const pkgHolidays2026 = chineseDays.getHolidaysInRange('2026-01-01', '2026-12-31', false);
  const pkgMakeUp2026 = chineseDays
    .getWorkdaysInRange('2026-01-01', '2026-12-31', true)
    .filter((d) => [0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay()));

  it('reads a holiday subscription (the package’s own 2026.ics) to exactly the package’s 2026 days, but will not replace a package year unasked', async () => {
    const { body } = await upload(2026, packageIcs('years/2026.ics'), {}, { dryRun: true });
    expect(body.holidays.map((d) => d.date)).toEqual(pkgHolidays2026);
    expect(body.workdays.map((d) => d.date)).toEqual(pkgMakeUp2026);
    expect(body.holidays[0]).toEqual({ date: '2026-01-01', name: '元旦' });
    expect(body.errors.map((e) => [e.row, e.field])).toEqual([[0, 'replacesPackage']]);
    const replaced = await upload(2026, packageIcs('years/2026.ics'), { replacesPackage: 'true' }, { dryRun: true });
    expect(replaced.body.errors).toEqual([]);
  });

  it('takes the chosen year out of a multi-year feed and lists what it left out', async () => {
    const { body } = await upload(2026, packageIcs('holidays.ics'), { replacesPackage: 'true' }, { dryRun: true });
    expect(body.errors).toEqual([]);
    expect(body.holidays.map((d) => d.date)).toEqual(pkgHolidays2026);
    expect(new Set(body.skipped.map((d) => d.date.slice(0, 4))).size).toBeGreaterThan(0);
    expect(body.skipped.every((d) => !d.date.startsWith('2026-'))).toBe(true);
  });

  it('loads a year from ICS events (休 / 班 in the summary), and refuses events it cannot read, by line', async () => {
    const good = ics([vevent('20281002', '20281005', '国庆节(休)'), vevent('20281008', '20281009', '国庆节(班)')]);
    const loaded = await upload(2028, good, { expectedVersion: '1' });
    expect(loaded.body.errors).toEqual([]);
    expect(loaded.body.saved).toMatchObject({ year: 2028, version: 2, source: 'ics' });
    expect(loaded.body.holidays.map((d) => d.date)).toEqual(['2028-10-02', '2028-10-03', '2028-10-04']);
    expect(loaded.body.workdays).toEqual([{ date: '2028-10-08', name: '国庆节' }]);

    const bad = ics([
      vevent('20291001', '20291002', '国庆节'),
      vevent('20291002', '20291003', '国庆节(休)', ['RRULE:FREQ=YEARLY']),
    ]);
    const refused = await upload(2029, bad, { expectedVersion: '0' });
    // Line 4 opens the first event (after BEGIN:VCALENDAR, VERSION, PRODID), line 10 the second.
    expect(refused.body.errors.map((e) => [e.row, e.field])).toEqual([
      [4, 'kind'],
      [10, 'event'],
    ]);
    expect((await loadedYears()).map((y) => y.year)).toEqual([2028]);
    expect((await upload(2029, new File(['garbage'], 'x.ics'))).status).toBe(422);
  });
});
