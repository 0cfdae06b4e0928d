import type { ReferenceKind } from './reference-kinds';

const l = () => ({ 'zh-CN': '', en: '' });

/** What "new version" starts from when a kind has no version yet: one empty row where the API needs at least one. */
export function blankContent(kind: ReferenceKind, year = new Date().getFullYear()): Record<string, unknown> {
  switch (kind) {
    case 'whitelists':
      return { year, schoolCapPerSemester: 6, leadTimeDays: 30, items: [], burdenList: [], emergencyApprovals: [] };
    case 'checklists':
      return { key: '', items: [] };
    case 'indicator-systems':
      return {
        key: '',
        version: 1,
        name: l(),
        rollup: { rule: 'minWeighted', alpha: 0.3 },
        grades: [{ grade: 'pass', label: l(), min: 60 }],
        dimensions: [
          { key: '', name: l(), weight: 1, indicators: [{ key: '', name: l(), maxScore: 10, evidenceRequired: true }] },
        ],
      };
    case 'award-rubrics':
      return {
        year,
        criteria: [{ key: '', name: '', maxScore: 10 }],
        schoolQuota: 3,
        expertsPerSubmission: 3,
        outlierThreshold: 15,
        quotas: { achievement: [], course: [] },
      };
  }
}

const blank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

/** Optional bilingual texts left empty are omitted, as the API treats an absent text, not an empty one, as "none". */
export function withoutEmptyOptionals(kind: ReferenceKind, content: Record<string, unknown>): Record<string, unknown> {
  if (kind !== 'indicator-systems' || !Array.isArray(content.dimensions)) return content;
  const dimensions = content.dimensions.map((d: { indicators?: Array<Record<string, unknown>> }) => ({
    ...d,
    indicators: (d.indicators ?? []).map((ind) => {
      const guide = ind.scoringGuide as Record<string, unknown> | undefined;
      if (guide && blank(guide['zh-CN']) && blank(guide.en)) {
        const { scoringGuide: _drop, ...rest } = ind;
        return rest;
      }
      return ind;
    }),
  }));
  return { ...content, dimensions };
}
