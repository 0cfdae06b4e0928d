import { describe, expect, it } from 'vitest';

import { SYSTEM_ACTOR } from '../actors.js';
import { parseDefinition } from '../definition/validate.js';
import { availableEvents, blindSpot, describeSnapshot, start, step } from '../engine.js';
import type { Actor, EngineEnv, PersistedSnapshot } from '../engine-types.js';
import { actor, admin, env, ok } from '../test-fixtures.js';
import { TEMPLATES } from './index.js';

const parsed = (key: string) => {
  const p = parseDefinition(TEMPLATES[key]);
  if (!p.ok) throw new Error(JSON.stringify(p.errors));
  return p.definition;
};
const reviewer = actor('rev', 'bureauReviewer', 'district');
const timer = (state: string, visit = 1) => ({ type: 'TIMER', timer: 'noticeEnd' as const, state, visit });

/** Runs events in order, failing with the refusal if one is refused; returns the last result. */
function run(
  d: ReturnType<typeof parsed>,
  snapshot: PersistedSnapshot,
  moves: Array<[Actor, Parameters<typeof step>[2]]>,
  e: EngineEnv = env,
) {
  let s = snapshot;
  let last = null as ReturnType<typeof ok> | null;
  for (const [who, ev] of moves) {
    last = ok(step(d, s, ev, who, e));
    s = last.snapshot;
  }
  return last!;
}

describe('bundled assessment', () => {
  const d = parsed('bundled-assessment');
  const group = { orgId: 'g1', path: ['district', 'g1'], type: 'group' as const, members: ['s1', 's2'] };
  const p1 = actor('p1', 'principal', 's1');
  const p2 = actor('p2', 'principal', 's2');
  const lead = actor('lead', 'groupLead', 'g1');
  const e = { ...env, reviewers: { selfAssessment: ['p1', 'p2'] } };
  const part = { indicatorScores: [{ indicator: '干部互派', score: 8 }], selfSummary: '自评完成' };

  it('runs self-assessment → consolidation → desk review → site visit → notice with an appeal → graded', () => {
    const s0 = ok(
      start(d, { subject: group, initiator: admin, data: { cycle: '2026年度', indicatorSystem: 'bundle-2026@1' } }, e),
    );
    const consolidated = run(
      d,
      s0.snapshot,
      [
        [p1, { type: 'SUBMIT_PART', data: part }],
        [p2, { type: 'SUBMIT_PART', data: part }],
        [lead, { type: 'CONSOLIDATE', comment: '两校材料齐全' }],
      ],
      e,
    );
    expect(consolidated.state).toBe('deskReview');
    const noticed = run(d, consolidated.snapshot, [
      [reviewer, { type: 'SITE_VISIT' }],
      [reviewer, { type: 'DONE', data: { siteVisitScore: 86 } }],
      [reviewer, { type: 'PUBLISH', data: { groupScore: 84.5, grade: 'good' } }],
    ]);
    expect(noticed.state).toBe('publicNotice');
    const appealed = run(d, noticed.snapshot, [
      [p2, { type: 'APPEAL', comment: '资源互享指标漏计' }],
      [reviewer, { type: 'UPHOLD', comment: '经复核维持' }],
    ]);
    const done = run(d, appealed.snapshot, [[SYSTEM_ACTOR, timer('publicNotice', 2)]]);
    expect([done.state, done.outcome]).toEqual(['graded', 'approved']);
  });

  it('refuses publishing without a score and grade, and lets the bureau return it to the schools', () => {
    const s0 = ok(start(d, { subject: group, initiator: admin, data: { cycle: '2026', indicatorSystem: 'b' } }, e));
    const desk = run(
      d,
      s0.snapshot,
      [
        [p1, { type: 'SUBMIT_PART', data: part }],
        [p2, { type: 'SUBMIT_PART', data: part }],
        [lead, { type: 'CONSOLIDATE', comment: 'ok' }],
      ],
      e,
    );
    expect(step(d, desk.snapshot, { type: 'PUBLISH' }, reviewer, e)).toMatchObject({ ok: false, code: 'VALIDATION' });
    expect(run(d, desk.snapshot, [[reviewer, { type: 'RETURN', comment: '佐证不足' }]], e).state).toBe(
      'selfAssessment',
    );
  });
});

describe('campus entry', () => {
  const d = parsed('campus-entry');
  const district = { orgId: 'district', path: ['district'], type: 'district' as const };
  const dept = actor('dept', 'outsideDept', 'kx');
  const pa = actor('pa', 'principal', 's1');
  const pb = actor('pb', 'principal', 's2');
  const request = {
    itemCode: 'SCI-01',
    title: '科普讲座',
    activityDate: '2026-12-20',
    schoolIds: ['s1', 's2'],
    teacherHours: 2,
  };
  const e = { ...env, reviewers: { schoolConfirm: ['pa', 'pb'], outcome: ['pa', 'pb'] }, facts: { entryRefusals: [] } };

  it('refuses at once, naming the rule, when an automatic check fails', () => {
    const refusal = { rule: 'schoolCap', message: { 'zh-CN': '该校本学期已达 6 项上限', en: 'cap reached' } };
    const r = ok(
      start(d, { subject: district, initiator: dept, data: request }, { ...e, facts: { entryRefusals: [refusal] } }),
    );
    expect([r.state, r.outcome]).toEqual(['refused', 'rejected']);
  });

  it('runs review → each school confirms or declines → each records the hours → done', () => {
    const s0 = ok(start(d, { subject: district, initiator: dept, data: request }, e));
    expect(s0.state).toBe('bureauReview');
    const confirm = run(d, s0.snapshot, [[reviewer, { type: 'APPROVE' }]], e);
    expect(
      confirm.effects.filter((x) => x.type === 'openTask').map((x) => x.type === 'openTask' && x.candidates),
    ).toEqual([[{ userId: 'pa' }], [{ userId: 'pb' }]]);
    // A principal of a school the request does not target cannot answer for it.
    expect(
      step(
        d,
        confirm.snapshot,
        { type: 'SUBMIT_PART', data: { decision: 'confirm' } },
        actor('pz', 'principal', 's9'),
        e,
      ),
    ).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    const held = run(
      d,
      confirm.snapshot,
      [
        [pa, { type: 'SUBMIT_PART', data: { decision: 'confirm' } }],
        [pb, { type: 'SUBMIT_PART', data: { decision: 'decline', declineReason: '与期末考试冲突' } }],
      ],
      e,
    );
    expect(held.state).toBe('outcome');
    // Only the school that confirmed is asked for the outcome and hours; the one that declined is not.
    expect(
      held.effects
        .filter((x) => x.type === 'openTask' && x.state === 'outcome')
        .map((x) => x.type === 'openTask' && x.candidates),
    ).toEqual([[{ userId: 'pa' }]]);
    expect(
      step(d, held.snapshot, { type: 'SUBMIT_PART', data: { held: false, actualTeacherHours: 0 } }, pb, e),
    ).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    const done = run(d, held.snapshot, [[pa, { type: 'SUBMIT_PART', data: { held: true, actualTeacherHours: 3 } }]], e);
    expect([done.state, done.outcome]).toEqual(['done', 'approved']);
    expect(describeSnapshot(d, done.snapshot).collections.schoolConfirm.parts.pb.data).toEqual({
      decision: 'decline',
      declineReason: '与期末考试冲突',
    });
  });

  it('a school that declines must say why; when every school declines the activity is not held (未开展)', () => {
    const s0 = ok(start(d, { subject: district, initiator: dept, data: request }, e));
    const confirm = run(d, s0.snapshot, [[reviewer, { type: 'APPROVE' }]], e);
    const bare = step(d, confirm.snapshot, { type: 'SUBMIT_PART', data: { decision: 'decline' } }, pa, e);
    expect(bare).toMatchObject({ ok: false, code: 'VALIDATION', fieldErrors: { declineReason: expect.anything() } });
    const none = run(
      d,
      confirm.snapshot,
      [
        [pa, { type: 'SUBMIT_PART', data: { decision: 'decline', declineReason: '场地检修' } }],
        [pb, { type: 'SUBMIT_PART', data: { decision: 'decline', declineReason: '与期末考试冲突' } }],
      ],
      e,
    );
    expect([none.state, none.status, none.outcome]).toEqual(['notHeld', 'completed', 'cancelled']);
  });

  it('lets the requester revise after a return, or withdraw', () => {
    const s0 = ok(start(d, { subject: district, initiator: dept, data: request }, e));
    const back = run(d, s0.snapshot, [[reviewer, { type: 'RETURN', comment: '请补充活动方案' }]], e);
    expect(
      availableEvents(d, back.snapshot, dept)
        .filter((x) => !x.mechanic)
        .map((x) => x.type),
    ).toEqual(['RESUBMIT', 'WITHDRAW']);
    expect(run(d, back.snapshot, [[dept, { type: 'WITHDRAW' }]], e).outcome).toBe('withdrawn');
  });
});

describe('teaching award', () => {
  const d = parsed('teaching-award');
  const school = { orgId: 's1', path: ['district', 'g1', 's1'], type: 'school' as const };
  const teacher = actor('t1', 'teacher', 's1');
  const principal = actor('p1', 'principal', 's1');
  const experts = ['e1', 'e2', 'e3'].map((id) => actor(id, 'expert', `x-${id}`));
  const submission = {
    category: 'achievement',
    title: '基于大概念的初中物理单元教学实践',
    completers: [{ name: '赵雨欣', unit: '西永中学' }],
    practiceYears: 3,
    summaryReport: '三年实践总结……',
  };

  it('refuses a title over 35 characters, more than 5 completers and under 2 years of practice', () => {
    const r = start(
      d,
      {
        subject: school,
        initiator: teacher,
        data: { ...submission, title: '题'.repeat(36), completers: Array(6).fill({ name: 'x' }), practiceYears: 1 },
      },
      env,
    );
    expect(r.ok).toBe(false);
    if (!r.ok) expect(Object.keys(r.fieldErrors ?? {}).sort()).toEqual(['completers', 'practiceYears', 'title']);
  });

  it('runs recommendation → formal check with experts → scoring → ranking → notice, an objection reopening review', () => {
    const s0 = ok(start(d, { subject: school, initiator: teacher, data: submission }, env));
    expect(
      step(d, s0.snapshot, { type: 'RECOMMEND' }, principal, { ...env, facts: { schoolRecommendations: 3 } }),
    ).toMatchObject({ ok: false, rule: 'withinCap' });
    const scoring = run(d, s0.snapshot, [
      [principal, { type: 'RECOMMEND' }],
      [reviewer, { type: 'PASS', data: { experts: ['e1', 'e2', 'e3'] } }],
    ]);
    expect(scoring.state).toBe('expertReview');
    const ranked = run(d, scoring.snapshot, [
      ...experts.map((x, i): [Actor, { type: string; data: Record<string, unknown> }] => [
        x,
        { type: 'SUBMIT_PART', data: { score: 80 + i } },
      ]),
      [reviewer, { type: 'RANK' }],
      [reviewer, { type: 'PUBLISH', data: { finalScore: 81, level: 'first' } }],
    ]);
    expect(ranked.state).toBe('publicNotice');
    // While scoring runs, an expert sees neither the other experts nor the field naming them; the bureau sees all.
    expect(blindSpot(d, scoring.snapshot, 'e1')).toEqual({ actors: ['e2', 'e3'], fields: ['experts'] });
    expect(blindSpot(d, scoring.snapshot, 'rev')).toBeNull();
    expect(blindSpot(d, ranked.snapshot, 'e1')).toBeNull();
    const objector = actor('t9', 'teacher', 's9');
    const reopened = run(d, ranked.snapshot, [
      [objector, { type: 'OBJECT', comment: '成果与他人雷同（实名：钱某）' }],
      [reviewer, { type: 'REOPEN', comment: '重新评审' }],
    ]);
    expect(reopened.state).toBe('expertReview');
    expect(describeSnapshot(d, reopened.snapshot).collections.expertReview.visit).toBe(2);
  });

  it('needs experts chosen to pass the formal check', () => {
    const s0 = ok(start(d, { subject: school, initiator: teacher, data: submission }, env));
    const pre = run(d, s0.snapshot, [[principal, { type: 'RECOMMEND' }]]);
    expect(step(d, pre.snapshot, { type: 'PASS' }, reviewer, env)).toMatchObject({
      ok: false,
      code: 'VALIDATION',
      fieldErrors: { experts: expect.anything() },
    });
  });
});

describe('security inspection', () => {
  const d = parsed('security-inspection');
  const school = { orgId: 's1', path: ['district', 'g1', 's1'], type: 'school' as const };
  const principal = actor('p1', 'principal', 's1');
  const items = [
    { code: 'PHY-01', layer: '物理安全', title: '机房门禁', result: 'pass' },
    { code: 'HOST-01', layer: '主机安全', title: '服务器无弱口令', result: 'fail', severity: 'high' },
  ];

  it('offers the self-check summary in the submit dialog and refuses one that calls a 不符合 checklist compliant', () => {
    const s0 = ok(start(d, { subject: school, initiator: admin, data: { round: '2026年秋季', items } }, env));
    const submit = availableEvents(d, s0.snapshot, principal).find((x) => x.type === 'SUBMIT');
    expect(submit).toMatchObject({ requires: ['items'], asks: ['selfCheckNotes'] });
    const refused = step(
      d,
      s0.snapshot,
      { type: 'SUBMIT', data: { items, selfCheckNotes: '已完成全部检查项自查，均符合要求。' } },
      principal,
      env,
    );
    expect(refused).toMatchObject({
      ok: false,
      code: 'GUARD_FAILED',
      rule: 'summaryMatchesItems',
      fieldErrors: { selfCheckNotes: { 'zh-CN': expect.stringContaining('HOST-01 服务器无弱口令') } },
    });
    // A draft saved that way is allowed (暂存), and the button says why it would be refused.
    const saved = ok(step(d, s0.snapshot, { type: 'SAVE', data: { selfCheckNotes: '均符合要求' } }, principal, env));
    expect(availableEvents(d, saved.snapshot, principal).find((x) => x.type === 'SUBMIT')?.blockedBy?.rule).toBe(
      'summaryMatchesItems',
    );
    expect(
      ok(
        step(
          d,
          saved.snapshot,
          { type: 'SUBMIT', data: { items, selfCheckNotes: '服务器存在弱口令（HOST-01），其余均符合要求。' } },
          principal,
          env,
        ),
      ).state,
    ).toBe('inspection');
  });
});
