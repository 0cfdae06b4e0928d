import { zLocalizedText } from '../../definition/schema.js';
import { z } from '../../zod.js';

/**
 * How a dimension's member-school scores combine into the group's, so that a strong lead school
 * cannot carry weak members (捆绑式考核):
 * - `mean`: plain average (for comparison only);
 * - `minWeighted`: (1 − α)·mean + α·min — the weakest member always counts for α;
 * - `floorPenalty`: mean − p · average shortfall below `floor` — every member under the floor costs the group.
 */
export const zRollupRule = z.discriminatedUnion('rule', [
  z.object({ rule: z.literal('mean') }),
  z.object({ rule: z.literal('minWeighted'), alpha: z.number().min(0).max(1) }),
  z.object({ rule: z.literal('floorPenalty'), floor: z.number().min(0).max(100), penalty: z.number().min(0) }),
]);
export type TRollupRule = z.infer<typeof zRollupRule>;

export const zIndicator = z.object({
  key: z.string().min(1),
  name: zLocalizedText,
  maxScore: z.number().positive(),
  evidenceRequired: z.boolean().default(true),
  scoringGuide: zLocalizedText.optional(),
});

export const zDimension = z.object({
  key: z.string().min(1),
  name: zLocalizedText,
  /** Share of the group score; the weights of a system sum to 1. */
  weight: z.number().positive().max(1),
  indicators: z.array(zIndicator).min(1),
});

export const zIndicatorSystem = z
  .object({
    key: z.string().min(1),
    version: z.number().int().positive(),
    name: zLocalizedText,
    dimensions: z.array(zDimension).min(1),
    rollup: zRollupRule,
    /** Grade thresholds on the 0–100 group score, highest first (优秀 ≥ 90 …). */
    grades: z.array(z.object({ grade: z.string().min(1), label: zLocalizedText, min: z.number() })).min(1),
  })
  .refine((s) => Math.abs(s.dimensions.reduce((a, d) => a + d.weight, 0) - 1) < 1e-6, {
    message: 'dimension weights must sum to 1',
    path: ['dimensions'],
  });
export type TIndicatorSystem = z.infer<typeof zIndicatorSystem>;

/** One member school's scores per indicator key (raw points, 0..maxScore). */
export type MemberScores = { schoolId: string; scores: Record<string, number> };

const round2 = (n: number) => Math.round(n * 100) / 100;

/** A school's score on a dimension, as a percentage of the dimension's maximum. */
export function dimensionPercent(
  dimension: TIndicatorSystem['dimensions'][number],
  scores: Record<string, number>,
): number {
  const max = dimension.indicators.reduce((a, i) => a + i.maxScore, 0);
  const got = dimension.indicators.reduce((a, i) => a + Math.min(Math.max(scores[i.key] ?? 0, 0), i.maxScore), 0);
  return (got / max) * 100;
}

export function combine(rule: TRollupRule, values: number[]): number {
  if (values.length === 0) return 0;
  const mean = values.reduce((a, v) => a + v, 0) / values.length;
  switch (rule.rule) {
    case 'mean':
      return mean;
    case 'minWeighted':
      return (1 - rule.alpha) * mean + rule.alpha * Math.min(...values);
    case 'floorPenalty': {
      const shortfall = values.reduce((a, v) => a + Math.max(0, rule.floor - v), 0) / values.length;
      return Math.max(0, mean - rule.penalty * shortfall);
    }
  }
}

export type GroupResult = {
  score: number;
  grade: string;
  dimensions: Array<{ key: string; score: number; weakest: { schoolId: string; score: number } }>;
};

/** The group's score: the weighted sum over dimensions of the rolled-up member percentages, and its grade. */
export function rollUpGroup(system: TIndicatorSystem, members: MemberScores[]): GroupResult {
  const dimensions = system.dimensions.map((d) => {
    const per = members.map((m) => ({ schoolId: m.schoolId, score: dimensionPercent(d, m.scores) }));
    const weakest = per.reduce((w, p) => (p.score < w.score ? p : w), per[0] ?? { schoolId: '', score: 0 });
    return {
      key: d.key,
      weight: d.weight,
      score: combine(
        system.rollup,
        per.map((p) => p.score),
      ),
      weakest,
    };
  });
  const score = round2(dimensions.reduce((a, d) => a + d.weight * d.score, 0));
  const grade =
    [...system.grades].sort((a, b) => b.min - a.min).find((g) => score >= g.min)?.grade ?? system.grades.at(-1)!.grade;
  return {
    score,
    grade,
    dimensions: dimensions.map((d) => ({
      key: d.key,
      score: round2(d.score),
      weakest: { ...d.weakest, score: round2(d.weakest.score) },
    })),
  };
}

/** Standard competition ranking (1, 2, 2, 4) by score, highest first; ties keep input order. */
export function rank<T extends { score: number }>(rows: T[]): Array<T & { rank: number }> {
  const sorted = [...rows].sort((a, b) => b.score - a.score);
  return sorted.map((r, i) => ({
    ...r,
    rank: i > 0 && sorted[i - 1].score === r.score ? sorted.findIndex((x) => x.score === r.score) + 1 : i + 1,
  }));
}
