import { describe, expect, it } from 'vitest';

import { combine, rank, rollUpGroup, type TIndicatorSystem, zIndicatorSystem } from './rollup.js';

const l = (s: string) => ({ 'zh-CN': s, en: s });
const system = (rollup: TIndicatorSystem['rollup']): TIndicatorSystem =>
  zIndicatorSystem.parse({
    key: 'bundle',
    version: 1,
    name: l('捆绑式考核'),
    rollup,
    dimensions: [
      {
        key: 'cadre',
        name: l('干部互派'),
        weight: 0.5,
        indicators: [{ key: 'c1', name: l('互派人数'), maxScore: 10 }],
      },
      {
        key: 'share',
        name: l('资源互享'),
        weight: 0.5,
        indicators: [
          { key: 's1', name: l('共享课程'), maxScore: 20 },
          { key: 's2', name: l('共享教研'), maxScore: 30 },
        ],
      },
    ],
    grades: [
      { grade: 'excellent', label: l('优秀'), min: 90 },
      { grade: 'good', label: l('良好'), min: 80 },
      { grade: 'pass', label: l('合格'), min: 60 },
      { grade: 'fail', label: l('不合格'), min: 0 },
    ],
  });

describe('bundled assessment roll-up', () => {
  const strongLead = { schoolId: 'lead', scores: { c1: 10, s1: 20, s2: 30 } };
  const weak = { schoolId: 'weak', scores: { c1: 4, s1: 8, s2: 12 } };

  it('lets the weakest member pull the group down, unlike a plain mean', () => {
    const mean = rollUpGroup(system({ rule: 'mean' }), [strongLead, weak]);
    const minW = rollUpGroup(system({ rule: 'minWeighted', alpha: 0.4 }), [strongLead, weak]);
    expect(mean.score).toBe(70);
    // (0.6 · 70 + 0.4 · 40) = 58 on both dimensions.
    expect(minW.score).toBe(58);
    expect(minW.grade).toBe('fail');
    expect(minW.dimensions[0].weakest).toEqual({ schoolId: 'weak', score: 40 });
  });

  it('floor penalty charges the group for every member under the floor', () => {
    expect(combine({ rule: 'floorPenalty', floor: 60, penalty: 1 }, [100, 40])).toBe(60);
    expect(combine({ rule: 'floorPenalty', floor: 60, penalty: 1 }, [100, 60])).toBe(80);
  });

  it('caps raw points at the indicator maximum and grades by thresholds', () => {
    const r = rollUpGroup(system({ rule: 'mean' }), [{ schoolId: 'a', scores: { c1: 99, s1: 18, s2: 27 } }]);
    expect(r.score).toBe(95);
    expect(r.grade).toBe('excellent');
  });

  it('refuses an indicator system whose weights do not sum to 1', () => {
    const bad = {
      ...system({ rule: 'mean' }),
      dimensions: [{ key: 'x', name: l('x'), weight: 0.7, indicators: [{ key: 'i', name: l('i'), maxScore: 1 }] }],
    };
    expect(zIndicatorSystem.safeParse(bad).success).toBe(false);
  });

  it('ranks with ties sharing a place', () => {
    expect(
      rank([
        { id: 'a', score: 80 },
        { id: 'b', score: 90 },
        { id: 'c', score: 80 },
        { id: 'd', score: 70 },
      ]).map((r) => [r.id, r.rank]),
    ).toEqual([
      ['b', 1],
      ['a', 2],
      ['c', 2],
      ['d', 4],
    ]);
  });
});
