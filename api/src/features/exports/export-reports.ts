import type { AppAbility } from '../../auth/ability.js';
import type { TAuthUser } from '../../auth/user.js';
import type { Deps } from '../../deps.js';
import { assessmentReport } from '../reports/assessment-report.js';
import { awardReport } from '../reports/award-report.js';
import { campusEntryReport } from '../reports/campus-entry-report.js';
import { securityReport } from '../reports/security-report.js';
import type { REPORT_EXPORTS } from './export-labels.js';
import type { TColumn } from './xlsx-writer.js';

type TCell = string | number | null;
type TRow = TCell[];
const col = (header: string, width: number, i: number): TColumn<TRow> => ({ header, width, value: (r) => r[i] ?? '' });
const cols = (spec: Array<[string, number]>) => spec.map(([h, w], i) => col(h, w, i));

const LEVEL_ZH: Record<string, string> = { special: '特等奖', first: '一等奖', second: '二等奖' };

type Table = { columns: TColumn<TRow>[]; rows: TRow[] };
type Reader = { user: TAuthUser; ability: AppAbility };

/**
 * The bureau's report layouts by report (the same report use-cases, same scoping; each report finds its
 * workflows by the blocks they declare), one row per school, group or submission. Parameters are the
 * report's own: round, cycle, semester, year.
 */
const REPORT_TABLES: Record<
  (typeof REPORT_EXPORTS)[number],
  (deps: Deps, who: Reader, query: Record<string, string>) => Promise<Table>
> = {
  'security-inspection': async (deps, who, query) => {
    const r = await securityReport(deps, { ...who, round: query.round });
    return {
      columns: cols([
        ['学校', 28],
        ['问题数', 10],
        ['未整改', 10],
        ['超期', 10],
        ['重复出现', 10],
      ]),
      rows: r.perSchool.map((s) => [s.schoolName, s.findings, s.open, s.overdue, s.repeats]),
    };
  },
  'bundled-assessment': async (deps, who, query) => {
    const r = await assessmentReport(deps, { ...who, cycle: query.cycle });
    return {
      columns: cols([
        ['排名', 8],
        ['教育集团', 30],
        ['综合得分', 10],
        ['等级', 10],
        ['最弱成员校', 24],
        ['最弱校得分', 12],
      ]),
      rows: r.ranking.map((g) => [
        g.rank,
        g.groupName,
        g.score,
        g.grade,
        g.weakest?.schoolName ?? '',
        g.weakest?.score ?? null,
      ]),
    };
  },
  'campus-entry': async (deps, who, query) => {
    const r = await campusEntryReport(deps, { ...who, semester: query.semester });
    return {
      columns: cols([
        ['学校', 28],
        ['本学期已进校（项）', 18],
        ['上限（项）', 12],
        ['剩余（项）', 12],
      ]),
      rows: r.perSchool.map((s) => [s.schoolName, s.used, s.cap, Math.max(0, s.cap - s.used)]),
    };
  },
  'teaching-award': async (deps, who, query) => {
    const r = await awardReport(deps, { ...who, year: query.year });
    return {
      columns: cols([
        ['类别', 16],
        ['名次', 8],
        ['成果名称', 40],
        ['学校', 24],
        ['得分', 10],
        ['奖项', 10],
      ]),
      rows: r.ranking.flatMap((c) =>
        c.items.map((i) => [
          c.category,
          i.rank,
          i.title,
          i.schoolName,
          i.score,
          i.level ? (LEVEL_ZH[i.level] ?? i.level) : '',
        ]),
      ),
    };
  },
};

export function reportTable(
  deps: Deps,
  input: Reader & { report: (typeof REPORT_EXPORTS)[number]; query: Record<string, string> },
): Promise<Table> {
  return REPORT_TABLES[input.report](deps, { user: input.user, ability: input.ability }, input.query);
}
