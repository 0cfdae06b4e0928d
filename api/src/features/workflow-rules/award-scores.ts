import { and, eq, inArray, sql } from 'drizzle-orm';
import { definitions, instances } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import { describeSnapshot, type TDefinition } from '../../engine.js';
import { awardLevels, outliers, trimmedMean } from '../../domain.js';
import { loadPublished } from '../reference/load-reference.js';

type Scores = Array<{ expertId: string; score: number }>;

/** The experts' submitted scores of the instance's latest expert-review visit. */
export function expertScores(def: TDefinition, snapshot: Record<string, unknown>): Scores {
  const parts = describeSnapshot(def, snapshot).collections.expertReview?.parts ?? {};
  return Object.entries(parts)
    .filter(([, p]) => p.status === 'submitted' && typeof p.data.score === 'number')
    .map(([expertId, p]) => ({ expertId, score: Number(p.data.score) }));
}

/** Trimmed mean (drop highest and lowest from 5 scores up) and the experts whose score is an outlier. */
export function scoreSummary(scores: Scores, threshold = 15) {
  return { finalScore: trimmedMean(scores.map((s) => s.score)), outlierExperts: outliers(scores, threshold) };
}

/**
 * The level this submission gets when ranked within its category against the others of the year that
 * already have a final score, with the rubric's quotas per level (特等/一等/二等). Null when none fits.
 */
export function levelFor(deps: Pick<Deps, 'db'>, input: { instanceId: string; category: string; year: string; score: number }): string | null {
  const rubric = loadPublished(deps, 'award-rubric', input.year)?.content ?? loadPublished(deps, 'award-rubric')?.content;
  if (!rubric) return null;
  const quotas = input.category === 'course' ? rubric.quotas.course : rubric.quotas.achievement;
  const ids = deps.db.select({ id: definitions.id }).from(definitions).where(eq(definitions.key, 'teaching-award')).all().map((d) => d.id);
  const others = deps.db
    .select({ id: instances.id, score: sql<number>`json_extract(${instances.data}, '$.finalScore')` })
    .from(instances)
    .where(
      and(
        inArray(instances.definitionId, ids),
        sql`${instances.id} <> ${input.instanceId}`,
        sql`json_extract(${instances.data}, '$.category') = ${input.category}`,
        sql`json_extract(${instances.data}, '$.finalScore') is not null`,
        sql`substr(${instances.createdAt}, 1, 4) = ${input.year}`,
        sql`coalesce(${instances.outcome}, '') <> 'withdrawn'`,
      ),
    )
    .all();
  const ranked = awardLevels([...others, { id: input.instanceId, score: input.score }], quotas);
  return ranked.find((r) => r.id === input.instanceId)?.level ?? null;
}
