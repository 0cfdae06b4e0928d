import { z } from '@hono/zod-openapi';

import type { TAuthUser } from '../../auth/user.js';
import { txOrThrow } from '../../db/client.js';
import type { Deps } from '../../deps.js';
import { AppError } from '../../errors.js';
import { authorize } from '../authorize.js';
import { ZLocalized } from '../common.js';
import { putStatutoryYear } from './put-statutory-year.js';
import { readStatutoryFile, type TFileDay, type TFileError } from './read-statutory-file.js';
import { arrangementProblems, type TStatutoryDay, ZStatutoryYear } from './statutory.types.js';

const ZDay = z.object({ date: z.string(), name: z.string() });
export const ZStatutoryImport = z
  .object({
    dryRun: z.boolean(),
    year: z.number().int(),
    source: z.enum(['xlsx', 'csv', 'ics']),
    holidays: z.array(ZDay).openapi({ description: 'Days off the file gives for the year (what would be loaded)' }),
    workdays: z.array(ZDay).openapi({ description: 'Make-up workdays the file gives for the year' }),
    skipped: z
      .array(ZDay.extend({ kind: z.enum(['holiday', 'workday']) }))
      .openapi({ description: 'ICS days of other years, left out (an ICS subscription often spans years)' }),
    errors: z.array(
      z.object({
        row: z.number().int().openapi({ description: 'Spreadsheet row, ICS line of the event, 0 for the whole file' }),
        field: z.string(),
        message: ZLocalized,
      }),
    ),
    saved: ZStatutoryYear.nullable().openapi({
      description: 'The loaded year, when written (not a dry run, no error)',
    }),
  })
  .openapi('StatutoryImport');
export type TStatutoryImport = z.infer<typeof ZStatutoryImport>;

export type TImportStatutoryYear = {
  year: number;
  file: File;
  dryRun: boolean;
  replacesPackage: boolean;
  documentNo: string | null;
  title: string | null;
  expectedVersion?: number;
  actor: TAuthUser;
};

const byDate = <T extends { date: string }>(days: T[]) => [...days].sort((a, b) => a.date.localeCompare(b.date));
const dayOf = ({ date, name }: TFileDay): TStatutoryDay => ({ date, name });

/**
 * A year's arrangement from an .xlsx/.csv (one row a day) or an .ics file: every row checked with the
 * same rules as the form, each message on its row; a dry run previews what would be loaded. Any error
 * and nothing is written; otherwise the year is loaded through `putStatutoryYear` (versioned, audited).
 */
export async function importStatutoryYear(deps: Deps, input: TImportStatutoryYear): Promise<TStatutoryImport> {
  await txOrThrow(
    deps.db,
    async () =>
      (await authorize(deps, input.actor, {
        action: 'update',
        type: 'Calendar',
        auditAction: 'calendar.statutory.import',
      })) ?? undefined,
  );
  const file = await readStatutoryFile(input.file);
  const errors: TFileError[] = [...file.errors];
  // A sheet is typed for one year: another year's row is an error. An ICS feed spans years: left out, listed.
  const inYear = file.source === 'ics' ? file.days.filter((d) => d.date.startsWith(`${input.year}-`)) : file.days;
  const skipped =
    file.source === 'ics'
      ? file.days
          .filter((d) => !d.date.startsWith(`${input.year}-`))
          .map(({ date, name, kind }) => ({ date, name, kind }))
      : [];
  const holidays = inYear.filter((d) => d.kind === 'holiday');
  const workdays = inYear.filter((d) => d.kind === 'workday');
  for (const p of arrangementProblems(input.year, {
    holidays: holidays.map(dayOf),
    workdays: workdays.map(dayOf),
    replacesPackage: input.replacesPackage,
  })) {
    const day = p.list === 'holidays' ? holidays[p.index] : p.list === 'workdays' ? workdays[p.index] : undefined;
    errors.push({
      row: day?.row ?? 0,
      field: p.list === 'replacesPackage' ? 'replacesPackage' : 'date',
      message: p.message,
    });
  }
  if (holidays.length === 0 && file.errors.length === 0) {
    errors.push({
      row: 0,
      field: 'file',
      message: { 'zh-CN': `文件中没有 ${input.year} 年的放假日期`, en: `The file gives no day off in ${input.year}` },
    });
  }
  errors.sort((a, b) => a.row - b.row);
  const preview = {
    dryRun: input.dryRun,
    year: input.year,
    source: file.source,
    holidays: byDate(holidays.map(dayOf)),
    workdays: byDate(workdays.map(dayOf)),
    skipped: byDate(skipped),
    errors,
    saved: null,
  };
  if (errors.length > 0 || input.dryRun) return preview;
  if (input.expectedVersion === undefined) {
    throw new AppError('VALIDATION', {
      fieldErrors: {
        expectedVersion: {
          'zh-CN': '请提供当前版本号（首次载入为 0）',
          en: 'Give the version you saw (0 before the first load)',
        },
      },
    });
  }
  const saved = await putStatutoryYear(deps, {
    year: input.year,
    holidays: preview.holidays,
    workdays: preview.workdays,
    replacesPackage: input.replacesPackage,
    documentNo: input.documentNo,
    title: input.title,
    expectedVersion: input.expectedVersion,
    source: file.source,
    actor: input.actor,
    meta: {
      fileName: input.file.name,
      days: preview.holidays.length + preview.workdays.length,
      skipped: skipped.length,
    },
  });
  return { ...preview, saved };
}
