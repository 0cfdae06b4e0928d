import { z } from '@hono/zod-openapi';

import { ZOverviewQuery } from './overview.types.js';

const n = z.number();
export const ZSecurityReport = z
  .object({
    /** The round shown: the one asked for, else the latest; null for every round (asked for as ALL_ROUNDS). */
    round: z.string().nullable(),
    /** The rounds there are findings' inspections in, newest first: what the dashboard offers to choose. */
    rounds: z.array(z.string()),
    totalFindings: n,
    openFindings: n,
    overdueFindings: n,
    /** Findings whose own deadline timer escalated them to the bureau (open or closed since). */
    escalatedFindings: n,
    repeats: n,
    byLayer: z.array(z.object({ layer: z.string(), count: n, open: n })),
    bySeverity: z.array(z.object({ severity: z.string(), count: n, open: n })),
    perSchool: z.array(
      z.object({ schoolId: z.string(), schoolName: z.string(), findings: n, open: n, overdue: n, repeats: n }),
    ),
  })
  .openapi('SecurityInspectionReport');
export type TSecurityReport = z.infer<typeof ZSecurityReport>;

const ZWeakest = z.object({ schoolId: z.string(), schoolName: z.string(), score: n }).nullable();
export const ZAssessmentReport = z
  .object({
    /** The cycle shown: the one asked for, else the latest; null only when there is none yet. */
    cycle: z.string().nullable(),
    /** The cycles there are assessments in, newest first: what the dashboard offers to choose. */
    cycles: z.array(z.string()),
    byState: z.array(z.object({ state: z.string(), count: n })),
    ranking: z.array(
      z.object({
        instanceId: z.string(),
        groupId: z.string(),
        groupName: z.string(),
        state: z.string(),
        score: n.nullable(),
        grade: z.string().nullable(),
        rank: n.nullable(),
        weakest: ZWeakest,
      }),
    ),
  })
  .openapi('BundledAssessmentReport');
export type TAssessmentReport = z.infer<typeof ZAssessmentReport>;

export const ZCampusEntryReport = z
  .object({
    semester: z.string(),
    cap: n,
    perSchool: z.array(z.object({ schoolId: z.string(), schoolName: z.string(), used: n, cap: n })),
    hoursByItem: z.array(z.object({ itemCode: z.string(), requests: n, plannedTeacherHours: n, spentTeacherHours: n })),
    /** 负担码 complaints per school this semester: bureau roles and auditors only, empty for everyone else. */
    burden: z.array(z.object({ schoolId: z.string(), schoolName: z.string(), reports: n, open: n, hours: n })),
  })
  .openapi('CampusEntryReport');
export type TCampusEntryReport = z.infer<typeof ZCampusEntryReport>;

export const ZAwardReport = z
  .object({
    year: z.string(),
    byLevel: z.array(z.object({ level: z.string(), count: n })),
    ranking: z.array(
      z.object({
        category: z.string(),
        items: z.array(
          z.object({
            instanceId: z.string(),
            title: z.string(),
            schoolId: z.string(),
            schoolName: z.string(),
            state: z.string(),
            score: n,
            level: z.string().nullable(),
            rank: n,
          }),
        ),
      }),
    ),
  })
  .openapi('TeachingAwardReport');
export type TAwardReport = z.infer<typeof ZAwardReport>;

// Every report takes the dashboard's filters besides its own period parameter (issue #4).
const ZFilters = ZOverviewQuery.pick({ from: true, to: true, groupId: true, schoolId: true });
/** `round=*`: every round, summed from the tallies; no round: the latest. */
export const ALL_ROUNDS = '*';
export const ZRoundQuery = ZFilters.extend({
  round: z
    .string()
    .max(100)
    .optional()
    .openapi({ description: `An inspection round; the latest when absent, every round as '${ALL_ROUNDS}'` }),
});
export const ZCycleQuery = ZFilters.extend({
  cycle: z.string().max(40).optional().openapi({ description: 'An assessment cycle; the latest when absent' }),
});
export const ZSemesterQuery = ZFilters.extend({
  semester: z
    .string()
    .regex(/^\d{4}-(spring|autumn)$/, 'e.g. 2026-autumn')
    .optional(),
});
export const ZYearQuery = ZFilters.extend({
  year: z
    .string()
    .regex(/^\d{4}$/, 'e.g. 2026')
    .optional(),
});
export type TRoundQuery = z.infer<typeof ZRoundQuery>;
export type TCycleQuery = z.infer<typeof ZCycleQuery>;
export type TSemesterQuery = z.infer<typeof ZSemesterQuery>;
export type TYearQuery = z.infer<typeof ZYearQuery>;
