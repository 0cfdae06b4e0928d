import { describe, expect, it } from 'vitest';

import { sealedReviews } from './blind-review.js';
import type { TDefinitionInput } from './definition/schema.js';
import { reviewSeal, start, step } from './engine.js';
import type { Actor, EngineEnv, PersistedSnapshot } from './engine-types.js';
import { TEMPLATES } from './templates/index.js';
import { actor, def, env, ok } from './test-fixtures.js';

const school = { orgId: 's1', path: ['district', 'g1', 's1'], type: 'school' as const };
const teacher = actor('t1', 'teacher', 's1');
const principal = actor('p1', 'principal', 's1');
const lead = actor('l1', 'groupLead', 'g1');
const reviewer = actor('rev', 'bureauReviewer', 'district');
const admin = actor('adm', 'bureauAdmin', 'district');
const experts = ['e1', 'e2', 'e3'].map((id) => actor(id, 'expert', `x-${id}`));
const submission = {
  category: 'achievement',
  title: '大概念单元教学',
  completers: [{ name: '赵雨欣', unit: '西永中学' }],
  practiceYears: 3,
  summaryReport: '总结',
};

type Move = [Actor, Parameters<typeof step>[2]];
function run(d: ReturnType<typeof def>, snapshot: PersistedSnapshot, moves: Move[], e: EngineEnv = env) {
  return moves.reduce((s, [who, ev]) => ok(step(d, s, ev, who, e)).snapshot, snapshot);
}
const parts = experts.map((x, i): Move => [x, { type: 'SUBMIT_PART', data: { score: 80 + i } }]);

/** The template under another key with every step renamed: what is sealed must follow the declaration. */
function renamed(input: TDefinitionInput, suffix: string): TDefinitionInput {
  const rename = (s: string) => `${s}${suffix}`;
  const json = JSON.stringify(input).replace(
    /"(to|initial|from)":"([A-Za-z]+)"/g,
    (_m, k: string, v: string) => `"${k}":"${rename(v)}"`,
  );
  const copy = JSON.parse(json) as TDefinitionInput & { states: Record<string, unknown> };
  return {
    ...copy,
    key: `${input.key}-copy`,
    states: Object.fromEntries(Object.entries(copy.states).map(([k, v]) => [rename(k), v])),
  };
}

describe.each([
  ['the template', TEMPLATES['teaching-award']],
  ['a copy with renamed steps', renamed(TEMPLATES['teaching-award'], 'X')],
])('the expert review is sealed toward the submitting side (%s)', (_name, input) => {
  const d = def(input);
  const s0 = ok(start(d, { subject: school, initiator: teacher, data: submission }, env)).snapshot;
  const scoring = run(d, s0, [
    [principal, { type: 'RECOMMEND' }],
    [reviewer, { type: 'PASS', data: { experts: ['e1', 'e2', 'e3'] } }],
  ]);
  const ranking = run(d, scoring, [...parts, [reviewer, { type: 'RANK' }]]);
  const notice = run(d, ranking, [[reviewer, { type: 'PUBLISH', data: { finalScore: 81, level: 'first' } }]]);

  it('derives the review from the assignExperts block: the role assigned, the field naming them, who runs it', () => {
    const [review] = sealedReviews(d);
    expect(review).toMatchObject({ role: 'expert', fields: ['experts'] });
    expect(review?.runners).toContainEqual({ role: 'bureauReviewer', scope: 'district' });
  });

  it('hides the experts from the author, the principal and the group lead from the assignment until the 公示', () => {
    for (const who of [teacher, principal, lead]) {
      expect(reviewSeal(d, scoring, who)).toEqual({
        reviewers: ['e1', 'e2', 'e3'].map((userId) => ({ userId, role: 'expert' })),
        fields: ['experts'],
        actsAt: {
          [Object.keys(d.states).find((s) => d.states[s]?.kind === 'collect')!]: {
            role: 'expert',
            events: ['SUBMIT_PART'],
          },
        },
      });
      expect(reviewSeal(d, ranking, who)?.reviewers).toHaveLength(3);
      expect(reviewSeal(d, notice, who)).toBeNull();
    }
  });

  it('seals nothing from those who run or sit in the review', () => {
    expect(reviewSeal(d, scoring, reviewer)).toBeNull();
    expect(reviewSeal(d, scoring, experts[0]!)).toBeNull();
    // A bureau admin matches no declared runner: the API lets unscoped readers (oversight) through, not the engine.
    expect(reviewSeal(d, scoring, admin)).not.toBeNull();
  });

  it('seals again when an objection reopens the review, and stays sealed when it ends without a notice', () => {
    const objector = actor('t9', 'teacher', 's9');
    const reopened = run(d, notice, [
      [objector, { type: 'OBJECT', comment: '实名异议' }],
      [reviewer, { type: 'REOPEN', comment: '重新评审' }],
    ]);
    expect(reviewSeal(d, reopened, teacher)?.reviewers.map((r) => r.userId)).toEqual(['e1', 'e2', 'e3']);
    const notAwarded = run(d, ranking, [[reviewer, { type: 'NOT_AWARDED', comment: '未达等次' }]]);
    expect(reviewSeal(d, notAwarded, teacher)).not.toBeNull();
  });
});

describe('a workflow without an expert review', () => {
  it('seals nothing', () => {
    const d = def(TEMPLATES['security-inspection']);
    expect(sealedReviews(d)).toEqual([]);
  });
});
