import type { TLocalizedText } from '../../definition/schema.js';
import { t } from '../../text.js';
import { semesterOf, type TWhitelist } from './whitelist.js';

export type EntryRequest = {
  itemCode: string;
  schoolIds: string[];
  date: string;
  filedOn: string;
  commercial: boolean;
  feeCharging: boolean;
  /** Approved by the education work leading group as an emergency addition: lead time waived, caps still count. */
  emergency?: boolean;
};

/** Activities already confirmed or pending, per school and per item, in the request's semester. */
export type Usage = { perSchool: Record<string, number>; perSchoolItem: Record<string, number> };

export type EntryRefusal = { rule: string; message: TLocalizedText; schoolId?: string };

const daysBetween = (a: string, b: string) => Math.round((Date.parse(b) - Date.parse(a)) / 86_400_000);

/**
 * The automatic checks of "凡进必审": every refusal names its rule, so the department knows what to fix.
 * An empty list means the request may go to bureau review.
 */
export function checkEntryRequest(req: EntryRequest, whitelist: TWhitelist, usage: Usage): EntryRefusal[] {
  const out: EntryRefusal[] = [];
  const item = whitelist.items.find((i) => i.code === req.itemCode);
  if (!item)
    return [
      {
        rule: 'onWhitelist',
        message: t('该事项不在本年度白名单内，不得进校园', 'This affair is not on this year’s whitelist'),
      },
    ];
  if (req.date < item.window.from || req.date > item.window.to)
    out.push({
      rule: 'inWindow',
      message: t(
        `活动日期须在 ${item.window.from} 至 ${item.window.to} 之间`,
        `The date must fall between ${item.window.from} and ${item.window.to}`,
      ),
    });
  const lead = daysBetween(req.filedOn, req.date);
  if (!req.emergency && lead < whitelist.leadTimeDays)
    out.push({
      rule: 'leadTime',
      message: t(
        `须提前 ${whitelist.leadTimeDays} 天申报（本次提前 ${lead} 天）`,
        `File at least ${whitelist.leadTimeDays} days ahead (this is ${lead})`,
      ),
    });
  if (req.commercial || req.feeCharging)
    out.push({
      rule: 'notCommercial',
      message: t('不得开展商业性或收费活动', 'Commercial or fee-charging activities are not allowed'),
    });
  const sem = semesterOf(req.date);
  for (const schoolId of req.schoolIds) {
    const used = usage.perSchool[schoolId] ?? 0;
    if (used >= whitelist.schoolCapPerSemester)
      out.push({
        rule: 'schoolCap',
        schoolId,
        message: t(
          `该校本学期（${sem}）已达 ${whitelist.schoolCapPerSemester} 项上限`,
          `The school has reached its cap of ${whitelist.schoolCapPerSemester} this semester (${sem})`,
        ),
      });
    const usedItem = usage.perSchoolItem[`${schoolId}:${item.code}`] ?? 0;
    if (usedItem >= item.frequencyPerSemester)
      out.push({
        rule: 'itemFrequency',
        schoolId,
        message: t(
          `该事项在该校本学期已开展 ${usedItem} 次，达到频次上限`,
          `This affair already ran ${usedItem} time(s) at the school this semester`,
        ),
      });
  }
  return out;
}
