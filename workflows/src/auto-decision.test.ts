import { describe, expect, it } from 'vitest';

import { startChecks } from './auto-checks.js';
import { describeSnapshot, start, step } from './engine.js';
import { TEMPLATES } from './templates/index.js';
import { actor, def, env, ok } from './test-fixtures.js';

const campus = def(TEMPLATES['campus-entry']);
const district = { orgId: 'district', path: ['district'], type: 'district' as const };
const dept = actor('dept', 'outsideDept', 'kx');
const request = { itemCode: 'KP', title: '科普讲座', activityDate: '2026-12-20', schoolIds: ['s1'], teacherHours: 2 };
const lead = {
  rule: 'leadTime',
  message: { 'zh-CN': '须提前 30 天申报（本次提前 14 天）', en: 'File 30 days ahead (14)' },
};
const cap = { rule: 'schoolCap', schoolId: 's1', message: { 'zh-CN': '该校已达上限', en: 'cap reached' } };

describe('an automatic step says why it refused', () => {
  it('keeps each failed rule of a rule set, labelled, in the snapshot and tells the initiator', () => {
    const r = ok(
      start(
        campus,
        { subject: district, initiator: dept, data: request },
        { ...env, facts: { entryRefusals: [lead, cap] } },
      ),
    );
    expect(r.state).toBe('refused');
    const decided = r.effects.find((e) => e.type === 'decided');
    expect(decided).toMatchObject({ state: 'autoCheck', to: 'refused', visit: 1 });
    const reasons = decided?.type === 'decided' ? decided.reasons : [];
    expect(reasons.map((x) => [x.rule, x.label?.['zh-CN'], x.message['zh-CN'], x.schoolId])).toEqual([
      ['leadTime', '按规定时间提前申报', lead.message['zh-CN'], undefined],
      ['schoolCap', '每校每学期进校园活动上限', '该校已达上限', 's1'],
    ]);
    expect(r.effects).toContainEqual({
      type: 'notify',
      kind: 'refused',
      state: 'autoCheck',
      to: [{ userId: 'dept' }],
      reasons,
    });
    expect(describeSnapshot(campus, r.snapshot).decisions.autoCheck.reasons).toEqual(reasons);
  });

  it('a passing step records its choice with no reasons and tells nobody', () => {
    const r = ok(
      start(campus, { subject: district, initiator: dept, data: request }, { ...env, facts: { entryRefusals: [] } }),
    );
    expect(r.state).toBe('bureauReview');
    expect(r.effects.filter((e) => e.type === 'notify' && e.kind === 'refused')).toEqual([]);
    expect(describeSnapshot(campus, r.snapshot).decisions.autoCheck).toMatchObject({ to: 'bureauReview', reasons: [] });
  });

  it('a guard the definition words itself refuses with the definition’s message, not the registry’s', () => {
    const e = { ...env, facts: { entryRefusals: [] }, reviewers: { schoolConfirm: ['pa'], outcome: ['pa'] } };
    const pa = actor('pa', 'principal', 's1');
    const reviewer = actor('r1', 'bureauReviewer', 'district');
    const s0 = ok(start(campus, { subject: district, initiator: dept, data: request }, e));
    const s1 = ok(step(campus, s0.snapshot, { type: 'APPROVE' }, reviewer, e));
    const s2 = ok(
      step(campus, s1.snapshot, { type: 'SUBMIT_PART', data: { decision: 'decline', declineReason: '考试周' } }, pa, e),
    );
    expect(s2.state).toBe('notHeld');
    const decided = s2.effects.find((x) => x.type === 'decided');
    expect(decided?.type === 'decided' && decided.reasons).toEqual([
      {
        rule: 'partsMatch',
        label: { 'zh-CN': '分头填报结果满足条件', en: 'Enough parts say so' },
        message: {
          'zh-CN': '没有学校确认接受，活动不开展',
          en: 'No school confirmed; the activity does not take place',
        },
      },
    ]);
  });

  it('lists what a starter can check in advance: the rule set’s rules as the block declares them', () => {
    const checks = startChecks(campus);
    expect(checks.map((c) => c.state)).toEqual(['autoCheck']);
    expect(checks[0].rules.map((r) => r.rule)).toEqual([
      'onWhitelist',
      'inWindow',
      'leadTime',
      'notCommercial',
      'schoolCap',
      'itemFrequency',
      'inScope',
      'emergencyApproved',
    ]);
    // A copy that switches a rule off no longer offers it.
    const copy = structuredClone(campus);
    const block = (copy.states.autoCheck as { blocks: Array<{ params: Record<string, unknown> }> }).blocks[0];
    block.params.rules = ['leadTime'];
    expect(startChecks(def({ ...copy, key: 'bureau-copy' })).flatMap((c) => c.rules.map((r) => r.rule))).toEqual([
      'leadTime',
    ]);
  });
});
