import type { TBurdenReportRow } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import { loadPublished } from '../reference/load-reference.js';
import type { TBurdenReport } from './burden.types.js';

/** Deadline for the bureau to handle a 负担码 complaint, in school working days. */
export const BURDEN_WORKDAYS = 5;

/**
 * Names of the published 减负清单's items by code, read once per answer. A report keeps the code it
 * was filed with; a code dropped from a later list has no name (null) and the console shows the code.
 */
export async function burdenItemNames(deps: Pick<Deps, 'db'>): Promise<Map<string, string>> {
  return new Map(((await loadPublished(deps, 'whitelist'))?.content.burdenList ?? []).map((b) => [b.code, b.name]));
}

export const burdenView = (
  row: TBurdenReportRow,
  schoolName: string,
  now: Date,
  itemNames: Map<string, string>,
): TBurdenReport => ({
  id: row.id,
  schoolId: row.schoolId,
  schoolName,
  burdenItem: row.burdenItem,
  burdenItemName: itemNames.get(row.burdenItem) ?? null,
  description: row.description,
  hours: row.hours,
  status: row.status,
  dueAt: row.dueAt,
  overdue: row.status === 'open' && row.dueAt < now.toISOString(),
  resolution: row.resolution,
  version: row.version,
  createdAt: row.createdAt,
  resolvedAt: row.resolvedAt,
});
