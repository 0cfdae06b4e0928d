import { and, sql } from 'drizzle-orm';

import { instances } from '../../db/schema.js';
import { takeTurnsOn } from '../../db/take-turns.js';
import type { Deps } from '../../deps.js';
import {
  awardLevels,
  type BlockParams,
  describeSnapshot,
  outliers,
  type TDefinition,
  trimmedMean,
} from '../../engine.js';
import { loadPublished } from '../reference/load-reference.js';
import { familyField, familyOf, inFamily } from './families.js';

type Scores = Array<{ expertId: string; score: number }>;

/** The experts' submitted scores in the collect step the block reads, from its latest visit. */
export function expertScores(
  def: TDefinition,
  snapshot: Record<string, unknown>,
  p: Pick<BlockParams<'trimmedMean'>, 'from' | 'scoreField'>,
): Scores {
  const parts = describeSnapshot(def, snapshot).collections[p.from]?.parts ?? {};
  return Object.entries(parts)
    .filter(([, part]) => part.status === 'submitted' && typeof part.data[p.scoreField] === 'number')
    .map(([expertId, part]) => ({ expertId, score: Number(part.data[p.scoreField]) }));
}

/** Trimmed mean (drop highest and lowest from `trimFrom` scores up) and the experts whose score is an outlier. */
export function scoreSummary(scores: Scores, p: Pick<BlockParams<'trimmedMean'>, 'trimFrom' | 'outlierThreshold'>) {
  return {
    finalScore: trimmedMean(
      scores.map((s) => s.score),
      { trimFrom: p.trimFrom },
    ),
    outlierExperts: outliers(scores, p.outlierThreshold),
  };
}

/**
 * The level this submission gets when ranked within its category against the others of the year that
 * already have a final score — in every workflow that levels by quota, so a bureau's copy ranks with the
 * original — with the rubric's quotas per level (特等/一等/二等). Null when none fits.
 */
export async function levelFor(
  deps: Pick<Deps, 'db'>,
  input: { instanceId: string; category: string; year: string; score: number },
): Promise<string | null> {
  const rubric =
    (await loadPublished(deps, 'award-rubric', input.year))?.content ??
    (await loadPublished(deps, 'award-rubric'))?.content;
  if (!rubric) return null;
  const quotas = input.category === 'course' ? rubric.quotas.course : rubric.quotas.achievement;
  const family = await familyOf(deps, 'levelByQuota');
  // Ranking against the others and taking a level is one turn per year and category (take-turns.ts).
  await takeTurnsOn(deps.db, [`award-levels:${input.year}:${input.category}`]);
  const score = familyField(family, (u) => u.params.scoreField, { as: 'number' });
  const category = familyField(family, (u) => u.params.categoryField);
  const others = await deps.db
    .select({ id: instances.id, score: sql<number>`${score}` })
    .from(instances)
    .where(
      and(
        inFamily(family),
        sql`${instances.id} <> ${input.instanceId}`,
        sql`coalesce(${category}, '') = ${input.category}`,
        sql`${score} is not null`,
        sql`substr(${instances.createdAt}, 1, 4) = ${input.year}`,
        sql`coalesce(${instances.outcome}, '') <> 'withdrawn'`,
      ),
    );
  const ranked = awardLevels([...others, { id: input.instanceId, score: input.score }], quotas);
  return ranked.find((r) => r.id === input.instanceId)?.level ?? null;
}
