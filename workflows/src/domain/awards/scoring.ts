/**
 * Expert scores of one submission: with 5 or more scores the highest and the lowest are dropped
 * before averaging (去掉一个最高分和一个最低分); a score far from the others' median is flagged
 * for the bureau to look at, never silently dropped.
 */
export function trimmedMean(scores: number[], opts: { trimFrom?: number } = {}): number | null {
  if (scores.length === 0) return null;
  const sorted = [...scores].sort((a, b) => a - b);
  const kept = sorted.length >= (opts.trimFrom ?? 5) ? sorted.slice(1, -1) : sorted;
  return Math.round((kept.reduce((a, s) => a + s, 0) / kept.length) * 100) / 100;
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** Scores more than `threshold` points (default 15 on a 100-point rubric) from the median of all scores. */
export function outliers(scores: Array<{ expertId: string; score: number }>, threshold = 15): string[] {
  if (scores.length < 3) return [];
  const mid = median(scores.map((s) => s.score));
  return scores.filter((s) => Math.abs(s.score - mid) > threshold).map((s) => s.expertId);
}

export type LevelQuota = { level: string; count: number };

/**
 * Levels by rank within a category: the first `count` of the best-ranked get the first level, the
 * next ones the second, and so on (特等 → 一等 → 二等); the rest get none. Ties at a boundary go to the
 * better level so that equal scores never get different awards.
 */
export function awardLevels<T extends { id: string; score: number }>(
  rows: T[],
  quotas: LevelQuota[],
): Array<T & { level: string | null }> {
  const sorted = [...rows].sort((a, b) => b.score - a.score);
  const out: Array<T & { level: string | null }> = [];
  let q = 0;
  let usedInLevel = 0;
  for (let i = 0; i < sorted.length; i++) {
    const tieWithPrevious = i > 0 && sorted[i - 1].score === sorted[i].score && out[i - 1].level !== null;
    if (!tieWithPrevious)
      while (q < quotas.length && usedInLevel >= quotas[q].count) {
        q++;
        usedInLevel = 0;
      }
    const level = tieWithPrevious ? out[i - 1].level : (quotas[q]?.level ?? null);
    if (level !== null && !tieWithPrevious) usedInLevel++;
    out.push({ ...sorted[i], level });
  }
  return out;
}
