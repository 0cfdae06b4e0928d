import { describe, expect, it } from 'vitest';

import { assignExperts } from './assign-experts.js';
import { awardLevels, outliers, trimmedMean } from './scoring.js';

describe('expert scoring', () => {
  it('drops the highest and lowest only from five scores up', () => {
    expect(trimmedMean([70, 80, 90])).toBe(80);
    expect(trimmedMean([60, 80, 82, 84, 99])).toBe(82);
    expect(trimmedMean([])).toBeNull();
  });

  it('flags a score far from the others’ median', () => {
    expect(
      outliers([
        { expertId: 'e1', score: 85 },
        { expertId: 'e2', score: 88 },
        { expertId: 'e3', score: 52 },
      ]),
    ).toEqual(['e3']);
    expect(
      outliers([
        { expertId: 'e1', score: 85 },
        { expertId: 'e2', score: 88 },
        { expertId: 'e3', score: 80 },
      ]),
    ).toEqual([]);
  });

  it('awards levels by quota within a category, ties never split across levels', () => {
    const rows = [95, 93, 93, 90, 88, 70].map((score, i) => ({ id: `s${i}`, score }));
    const levels = awardLevels(rows, [
      { level: 'special', count: 1 },
      { level: 'first', count: 1 },
      { level: 'second', count: 2 },
    ]);
    expect(levels.map((r) => r.level)).toEqual(['special', 'first', 'first', 'second', 'second', null]);
  });
});

describe('expert assignment (回避)', () => {
  const experts = [
    { id: 'e1', schoolId: 'A', groupId: 'G1', load: 0 },
    { id: 'e2', schoolId: 'B', groupId: 'G1', load: 0 },
    { id: 'e3', schoolId: 'C', groupId: 'G2', load: 0 },
    { id: 'e4', schoolId: 'D', groupId: 'G3', load: 0 },
    { id: 'e5', schoolId: 'E', groupId: 'G4', load: 2 },
    { id: 'e6', schoolId: null, groupId: null, load: 0 },
  ];

  it('never assigns an expert from the submitting school or its group, and balances load', () => {
    const r = assignExperts(
      [
        { id: 'sub1', schoolId: 'A', groupId: 'G1' },
        { id: 'sub2', schoolId: 'C', groupId: 'G2' },
      ],
      experts,
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.assignments.sub1).toEqual(['e3', 'e4', 'e6']);
    // e3 is from sub2's group; the least-loaded others come first.
    expect(r.assignments.sub2).toEqual(['e1', 'e2', 'e4']);
    expect(Object.values(r.assignments).flat()).not.toContain(undefined);
  });

  it('fails naming the submission when too few experts are eligible', () => {
    expect(assignExperts([{ id: 'sub', schoolId: 'A', groupId: 'G1' }], experts.slice(0, 3))).toEqual({
      ok: false,
      submissionId: 'sub',
      eligible: 1,
    });
  });
});
