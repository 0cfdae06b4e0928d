import { localDate } from '@eduflow/workflows';
import ICAL from 'ical.js';

import { AppError, type TLocalized } from '../../errors.js';
import { columnOf, readTable } from '../imports/read-table.js';

export type TDayKind = 'holiday' | 'workday';
/** One day a file names, with the spreadsheet row or the ICS line of its event (for row-level messages). */
export type TFileDay = { row: number; date: string; kind: TDayKind; name: string };
export type TFileError = { row: number; field: string; message: TLocalized };
export type TStatutoryFile = { source: 'xlsx' | 'csv' | 'ics'; days: TFileDay[]; errors: TFileError[] };

const fileError = (zh: string, en: string) =>
  new AppError('VALIDATION', { status: 422, fieldErrors: { file: { 'zh-CN': zh, en } } });
const err = (row: number, field: string, zh: string, en: string): TFileError => ({
  row,
  field,
  message: { 'zh-CN': zh, en },
});
const MAX_EVENT_DAYS = 40;
const DAY_MS = 86_400_000;

const isRealDate = (d: string) =>
  !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d);
const pad = (n: string) => n.padStart(2, '0');
const nextDate = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);

/** A date as people type it in a sheet: 2027-10-01, 2027/10/1, 2027.10.1, 2027年10月1日, 20271001, or an Excel serial. */
export function normaliseDate(text: string): string | null {
  const s = text.trim();
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(s) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (m) {
    const d = `${m[1]}-${pad(m[2] ?? '')}-${pad(m[3] ?? '')}`;
    return isRealDate(d) ? d : null;
  }
  // A date cell Excel kept as its serial number (days since 1899-12-30).
  if (/^\d{5}$/.test(s)) return new Date(Date.UTC(1899, 11, 30) + Number(s) * DAY_MS).toISOString().slice(0, 10);
  return null;
}

const HOLIDAY_WORDS = ['放假', '休', '休息', '假', '假日', '节假日', 'holiday', 'off', 'dayoff'];
const WORKDAY_WORDS = ['上班', '班', '补班', '调休上班', '工作日', 'workday', 'work', 'make-upworkday'];
const kindOfCell = (text: string): TDayKind | null => {
  const k = text.replace(/\s/g, '').toLowerCase();
  return HOLIDAY_WORDS.includes(k) ? 'holiday' : WORKDAY_WORDS.includes(k) ? 'workday' : null;
};

/** Excel / CSV: one row a day — 日期, 类型 (放假 / 上班), 名称 (the festival). */
async function readSheet(file: File, source: 'xlsx' | 'csv'): Promise<TStatutoryFile> {
  const table = await readTable(file);
  const col = {
    date: columnOf(table.headers, ['日期', 'date']),
    kind: columnOf(table.headers, ['类型', '放假/上班', '安排', 'type', 'kind']),
    name: columnOf(table.headers, ['名称', '节日', '节日名称', '节假日', 'name', 'festival']),
  };
  const errors: TFileError[] = [];
  if (col.date < 0) errors.push(err(1, 'date', '缺少“日期”列', 'Missing the “日期” (date) column'));
  if (col.kind < 0)
    errors.push(err(1, 'kind', '缺少“类型”列（放假 / 上班）', 'Missing the “类型” (type: 放假 / 上班) column'));
  if (col.name < 0)
    errors.push(err(1, 'name', '缺少“名称”列（节日名称）', 'Missing the “名称” (festival name) column'));
  if (errors.length) return { source, days: [], errors };
  const days: TFileDay[] = [];
  for (const { row, cells } of table.rows) {
    const dateText = cells[col.date] ?? '';
    const kindText = cells[col.kind] ?? '';
    const name = cells[col.name] ?? '';
    const date = normaliseDate(dateText);
    const kind = kindOfCell(kindText);
    if (!date)
      errors.push(
        err(
          row,
          'date',
          dateText ? `“${dateText}”不是有效日期，请写成 YYYY-MM-DD` : '日期不能为空',
          dateText ? `“${dateText}” is not a date; write it as YYYY-MM-DD` : 'The date is empty',
        ),
      );
    if (!kind)
      errors.push(
        err(
          row,
          'kind',
          `类型应为“放假”或“上班”${kindText ? `，不是“${kindText}”` : ''}`,
          `The type must be 放假 (day off) or 上班 (make-up workday)${kindText ? `, not “${kindText}”` : ''}`,
        ),
      );
    if (!name)
      errors.push(err(row, 'name', '请填写节日名称（如 元旦、春节）', 'Give the festival’s name (e.g. 元旦, 春节)'));
    else if (name.length > 30) errors.push(err(row, 'name', '节日名称不能超过 30 字', 'At most 30 characters'));
    if (date && kind && name && name.length <= 30) days.push({ row, date, kind, name });
  }
  return { source, days, errors };
}

const WORKDAY_MARK = /(补班|上班|班|workday|work day|working day)/i;
const HOLIDAY_MARK = /(休|假|holiday|day off)/i;
/** "元旦(休)", "春节（班）", "National Day(Workday)", "国庆节 补班" → the festival's own name. */
const festivalName = (summary: string) =>
  summary
    .replace(/[（(][^)）]*[)）]/g, '')
    .replace(/\s*(放假|休息|休|补班|上班|班|假期|假)\s*$/u, '')
    .trim();

/** The line each VEVENT starts on, in document order: ICS "rows" for messages. */
const eventLines = (text: string) =>
  text.split(/\r\n|\n|\r/).flatMap((line, i) => (/^BEGIN:VEVENT\s*$/i.test(line) ? [i + 1] : []));

/**
 * ICS: one all-day event per holiday period or make-up day, as holiday subscriptions publish them.
 * Day off or worked: Apple's X-APPLE-SPECIAL-DAY (WORK-HOLIDAY / ALTERNATE-WORKDAY) when present, else
 * the summary's 休 / 班 (Holiday / Workday). Recurring events are refused: a notice has none.
 */
async function readIcs(file: File): Promise<TStatutoryFile> {
  const text = new TextDecoder('utf-8').decode(await file.arrayBuffer()).replace(/^\uFEFF/, '');
  let events: InstanceType<typeof ICAL.Component>[];
  try {
    events = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent');
  } catch {
    throw fileError(
      '无法读取该 ICS 文件，请确认是 iCalendar（.ics）格式',
      'The ICS file could not be read; check it is an iCalendar (.ics) file',
    );
  }
  const lines = eventLines(text);
  const days: TFileDay[] = [];
  const errors: TFileError[] = [];
  events.forEach((component, i) => {
    const row = lines[i] ?? 0;
    const event = new ICAL.Event(component);
    const summary = (event.summary ?? '').trim();
    if (event.isRecurring())
      return errors.push(
        err(
          row,
          'event',
          `“${summary}”是重复事件，无法按年度导入`,
          `“${summary}” repeats (RRULE); a notice's days cannot repeat`,
        ),
      );
    const apple = String(component.getFirstPropertyValue('x-apple-special-day') ?? '').toUpperCase();
    const marks = [summary, String(component.getFirstPropertyValue('description') ?? '')].join(' ');
    const kind: TDayKind | null =
      apple === 'WORK-HOLIDAY'
        ? 'holiday'
        : apple === 'ALTERNATE-WORKDAY'
          ? 'workday'
          : WORKDAY_MARK.test(marks)
            ? 'workday'
            : HOLIDAY_MARK.test(marks)
              ? 'holiday'
              : null;
    if (!kind)
      return errors.push(
        err(
          row,
          'kind',
          `无法判断“${summary}”是放假还是上班（标题应含“休”或“班”）`,
          `Cannot tell whether “${summary}” is a day off or a workday (its summary should say 休 or 班)`,
        ),
      );
    const name = festivalName(summary);
    if (!name)
      return errors.push(err(row, 'name', '事件没有节日名称（SUMMARY）', 'The event has no festival name (SUMMARY)'));
    if (name.length > 30) return errors.push(err(row, 'name', '节日名称不能超过 30 字', 'At most 30 characters'));
    const start = event.startDate;
    if (!start) return errors.push(err(row, 'date', '事件没有开始日期（DTSTART）', 'The event has no start (DTSTART)'));
    // All-day events end the day before DTEND; a timed one covers the local (CST) days it touches.
    const first = start.isDate ? start.toString().slice(0, 10) : localDate(start.toJSDate());
    const end = event.endDate;
    const last = !end
      ? first
      : end.isDate
        ? new Date(Date.parse(`${end.toString().slice(0, 10)}T00:00:00Z`) - DAY_MS).toISOString().slice(0, 10)
        : localDate(new Date(end.toJSDate().getTime() - 1));
    if (last < first)
      return errors.push(err(row, 'date', `“${summary}”的结束日期早于开始日期`, `“${summary}” ends before it starts`));
    if ((Date.parse(last) - Date.parse(first)) / DAY_MS >= MAX_EVENT_DAYS) {
      return errors.push(
        err(
          row,
          'date',
          `“${summary}”超过 ${MAX_EVENT_DAYS} 天，不像法定节假日安排`,
          `“${summary}” spans more than ${MAX_EVENT_DAYS} days; not a statutory holiday`,
        ),
      );
    }
    for (let d = first; d <= last; d = nextDate(d)) days.push({ row, date: d, kind, name });
    return undefined;
  });
  if (events.length === 0)
    errors.push(err(1, 'file', '文件中没有任何事件（VEVENT）', 'The file has no events (VEVENT)'));
  return { source: 'ics', days, errors };
}

/** The days an uploaded .xlsx, .csv or .ics names, with row-level errors; an unreadable file is a 422. */
export async function readStatutoryFile(file: File): Promise<TStatutoryFile> {
  const name = file.name.toLowerCase();
  if (name.endsWith('.ics')) return readIcs(file);
  if (name.endsWith('.xlsx')) return readSheet(file, 'xlsx');
  if (name.endsWith('.csv')) return readSheet(file, 'csv');
  throw fileError('请上传 .xlsx、.csv 或 .ics 文件', 'Upload an .xlsx, .csv or .ics file');
}
