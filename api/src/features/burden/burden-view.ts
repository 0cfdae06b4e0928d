import type { TBurdenReportRow } from '../../db/schema.js';
import type { TBurdenReport } from './burden.types.js';

/** Deadline for the bureau to handle a 负担码 complaint, in school working days. */
export const BURDEN_WORKDAYS = 5;

export const burdenView = (row: TBurdenReportRow, schoolName: string, now: Date): TBurdenReport => ({
  id: row.id,
  schoolId: row.schoolId,
  schoolName,
  burdenItem: row.burdenItem,
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
