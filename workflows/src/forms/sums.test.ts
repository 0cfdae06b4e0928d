import { describe, expect, it } from 'vitest';

import { parseDefinition } from '../definition/validate.js';
import { availableEvents, start, step } from '../engine.js';
import { TEMPLATES } from '../templates/index.js';
import { actor, def, env, ok } from '../test-fixtures.js';
import { withSums } from './sums.js';

type Json = Record<string, unknown>;
const award = def(TEMPLATES['teaching-award']);
const teacher = actor('t1', 'teacher', 'school-a');
const principal = actor('pa', 'principal', 'school-a');
const reviewer = actor('rv', 'bureauReviewer', 'district');
const expert = actor('e1', 'expert', 'school-x');
const subject = { orgId: 'school-a', path: ['district', 'group-1', 'school-a'], type: 'school' as const };

/** A submission at 专家评审, three experts assigned. */
function atReview() {
  const s0 = ok(
    start(
      award,
      {
        subject,
        initiator: teacher,
        data: {
          category: 'achievement',
          title: '项目式学习',
          completers: [{ name: '王老师', unit: '西永中学' }],
          practiceYears: 3,
          summaryReport: '报告',
        },
      },
      env,
    ),
  );
  const s1 = ok(
    step(award, s0.snapshot, { type: 'RECOMMEND' }, principal, { ...env, facts: { schoolRecommendations: 0 } }),
  );
  return ok(step(award, s1.snapshot, { type: 'PASS', data: { experts: ['e1', 'e2', 'e3'] } }, reviewer, env));
}
const part = (data: Json) => step(award, atReview().snapshot, { type: 'SUBMIT_PART', data }, expert, env);
const errorOf = (r: ReturnType<typeof step>) => (r.ok ? null : r.fieldErrors?.score?.['zh-CN']);

describe('a score that sums a rubric’s criteria', () => {
  it('the expert’s button says 提交评分, as the step declares', () => {
    const events = availableEvents(award, atReview().snapshot, expert, env);
    expect(events.find((e) => e.type === 'SUBMIT_PART')?.label['zh-CN']).toBe('提交评分');
  });

  it('accepts criteria within their ranges that add up to the total, and a total given alone', () => {
    expect(part({ innovation: 25, practice: 35, spread: 22, score: 82 }).ok).toBe(true);
    expect(part({ score: 85 }).ok).toBe(true);
  });

  it('refuses a total that is not the sum, a missing criterion, and a criterion out of its range', () => {
    expect(errorOf(part({ innovation: 25, practice: 35, spread: 22, score: 90 }))).toBe(
      '「评分（总分）」应为各评分项之和 82',
    );
    expect(errorOf(part({ innovation: 25, practice: 35, score: 60 }))).toBe('请为每个评分项打分：示范推广价值');
    const over = part({ innovation: 31, practice: 35, spread: 22, score: 88 });
    expect(over.ok ? null : over.fieldErrors?.innovation?.['zh-CN']).toBe('「创新性」不能大于 30');
  });

  it('withSums adds the criteria up for a caller that sends only them, and leaves a given total alone', () => {
    expect(withSums(award, 'expertReview', { innovation: 20, practice: 30.5, spread: 19.5 }, {})).toMatchObject({
      score: 70,
    });
    expect(withSums(award, 'expertReview', { innovation: 20, score: 1 }, {})).toEqual({ innovation: 20, score: 1 });
    // Another step cannot write the score: nothing is added there.
    expect(withSums(award, 'ranking', { innovation: 20, practice: 30, spread: 20 }, {})).not.toHaveProperty('score');
  });

  it('a definition may sum score fields only', () => {
    const doc = structuredClone(TEMPLATES['teaching-award']) as unknown as Json;
    const fields = ((doc.states as Json).expertReview as { form: { fields: Json[] } }).form.fields;
    fields.find((f) => f.name === 'score')!.sumOf = ['innovation', 'expertComment'];
    const p = parseDefinition(doc);
    expect(p.ok ? [] : p.errors.map((e) => e.message['zh-CN'])).toEqual([
      '「评分（总分）」的分项「expertComment」须为评分或数值字段',
    ]);
  });
});
