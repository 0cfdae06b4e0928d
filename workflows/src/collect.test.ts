import { describe, expect, it } from 'vitest';

import { availableEvents, describeSnapshot, start, step } from './engine.js';
import { actor, admin, def, env, l, ok } from './test-fixtures.js';

const group = {
  orgId: 'group-1',
  path: ['district', 'group-1'],
  type: 'group' as const,
  members: ['school-a', 'school-b'],
};
const pa = actor('pa', 'principal', 'school-a');
const pb = actor('pb', 'principal', 'school-b');
const outsider = actor('pz', 'principal', 'school-z');
const lead = actor('lead', 'groupLead', 'group-1');
const people = { ...env, reviewers: { selfAssess: ['pa', 'pb'] } };

const flow = (onComplete?: string) =>
  def({
    key: 'bundle',
    name: l('捆绑考核'),
    subject: 'group',
    starters: [{ role: 'bureauAdmin', scope: 'district' }],
    initial: 'selfAssess',
    states: {
      selfAssess: {
        kind: 'collect',
        name: l('成员校自评'),
        participants: { role: 'principal', scope: 'subject.members' },
        collectors: [{ role: 'groupLead', scope: 'subject.group' }],
        form: { fields: [{ name: 'score', type: 'number', label: l('自评分'), required: true, min: 0, max: 100 }] },
        deadline: { workdays: 10 },
        ...(onComplete ? { onComplete: { to: onComplete } } : {}),
        on: { CONSOLIDATE: { to: 'bureau' } },
      },
      bureau: {
        kind: 'task',
        name: l('教委审核'),
        actors: [{ role: 'bureauAdmin', scope: 'district' }],
        on: { APPROVE: { to: 'done' } },
      },
      done: { kind: 'final', name: l('完成') },
    },
  });

describe('collect steps (分头填报)', () => {
  it('open one task per member school and let the group lead consolidate only when every part is in', () => {
    const d = flow();
    const s0 = ok(start(d, { subject: group, initiator: admin }, people));
    expect(s0.effects.filter((e) => e.type === 'openTask').map((e) => e.type === 'openTask' && e.taskKey)).toEqual([
      'selfAssess:1:pa',
      'selfAssess:1:pb',
    ]);
    expect(availableEvents(d, s0.snapshot, pa).map((e) => [e.type, e.requires])).toEqual([
      ['SUBMIT_PART', ['score']],
      ['COPY_TO', []],
    ]);
    expect(availableEvents(d, s0.snapshot, lead).find((e) => e.type === 'CONSOLIDATE')?.blockedBy?.rule).toBe(
      'allPartsIn',
    );
    expect(step(d, s0.snapshot, { type: 'CONSOLIDATE' }, lead, env)).toMatchObject({
      ok: false,
      code: 'GUARD_FAILED',
      rule: 'allPartsIn',
    });
    expect(step(d, s0.snapshot, { type: 'SUBMIT_PART', data: { score: 80 } }, outsider, env)).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
    expect(step(d, s0.snapshot, { type: 'SUBMIT_PART', data: {} }, pa, env)).toMatchObject({
      ok: false,
      code: 'VALIDATION',
    });

    const a = ok(step(d, s0.snapshot, { type: 'SUBMIT_PART', data: { score: 88 } }, pa, env));
    expect(step(d, a.snapshot, { type: 'SUBMIT_PART', data: { score: 90 } }, pa, env)).toMatchObject({
      ok: false,
      code: 'EVENT_NOT_ALLOWED',
    });
    const b = ok(step(d, a.snapshot, { type: 'SUBMIT_PART', data: { score: 61 } }, pb, env));
    expect(b.effects).toContainEqual(
      expect.objectContaining({
        type: 'openTask',
        taskKey: 'selfAssess:1:collector:1',
        candidates: [{ role: 'groupLead', orgId: 'group-1' }],
      }),
    );
    expect(describeSnapshot(d, b.snapshot).collections.selfAssess.parts.pb.data).toEqual({ score: 61 });

    // The lead sends school B's part back; it reopens under a new task key and the lead waits again.
    expect(step(d, b.snapshot, { type: 'RETURN_PART', data: { userId: 'pb' } }, lead, env)).toMatchObject({
      ok: false,
      code: 'COMMENT_REQUIRED',
    });
    const r = ok(
      step(d, b.snapshot, { type: 'RETURN_PART', data: { userId: 'pb' }, comment: '佐证材料不足' }, lead, env),
    );
    expect(r.effects).toEqual([
      { type: 'closeTask', taskKey: 'selfAssess:1:collector:1', outcome: 'RETURN_PART', byUserId: 'lead' },
      expect.objectContaining({ type: 'openTask', taskKey: 'selfAssess:1:pb:2' }),
      // Only school B hears of it, with the reason.
      { type: 'notify', kind: 'returned', state: 'selfAssess', to: [{ userId: 'pb' }], note: '佐证材料不足' },
    ]);
    expect(describeSnapshot(d, r.snapshot).collections.selfAssess.parts).toMatchObject({
      pa: { status: 'submitted' },
      pb: { status: 'returned', comment: '佐证材料不足', data: { score: 61 } },
    });
    const again = ok(step(d, r.snapshot, { type: 'SUBMIT_PART', data: { score: 70 } }, pb, env));
    expect(again.effects[0]).toEqual({
      type: 'closeTask',
      taskKey: 'selfAssess:1:pb:2',
      outcome: 'SUBMIT_PART',
      byUserId: 'pb',
    });
    const moved = ok(step(d, again.snapshot, { type: 'CONSOLIDATE' }, lead, env));
    expect(moved.state).toBe('bureau');
    expect(moved.effects).toContainEqual({
      type: 'closeTask',
      taskKey: 'selfAssess:1:collector:2',
      outcome: 'CONSOLIDATE',
      byUserId: 'lead',
    });
  });

  it('names the schools still missing when the API says who the participants are', () => {
    const d = flow();
    const s0 = ok(start(d, { subject: group, initiator: admin }, people));
    const a = ok(step(d, s0.snapshot, { type: 'SUBMIT_PART', data: { score: 88 } }, pa, env));
    const named = { ...env, partyNames: { pa: '甲校', pb: '乙校' } };
    expect(
      availableEvents(d, a.snapshot, lead, named).find((e) => e.type === 'CONSOLIDATE')?.blockedBy?.message,
    ).toEqual({
      'zh-CN': '还有 1 份填报未提交：乙校',
      en: '1 part(s) are still missing: 乙校',
    });
    expect(step(d, a.snapshot, { type: 'CONSOLIDATE' }, lead, named)).toMatchObject({
      ok: false,
      code: 'GUARD_FAILED',
      rule: 'allPartsIn',
      message: { 'zh-CN': '还有 1 份填报未提交：乙校' },
    });
    // Without names the refusal still counts them.
    expect(step(d, a.snapshot, { type: 'CONSOLIDATE' }, lead, env)).toMatchObject({
      message: { 'zh-CN': '还有 1 份填报未提交' },
    });
  });

  it('with onComplete, the last part moves the instance on by itself', () => {
    const d = flow('bureau');
    const s0 = ok(start(d, { subject: group, initiator: admin }, people));
    const a = ok(step(d, s0.snapshot, { type: 'SUBMIT_PART', data: { score: 88 } }, pa, env));
    const b = ok(step(d, a.snapshot, { type: 'SUBMIT_PART', data: { score: 77 } }, pb, env));
    expect(b.state).toBe('bureau');
    expect(b.effects.filter((e) => e.type === 'closeTask')).toEqual([
      { type: 'closeTask', taskKey: 'selfAssess:1:pb', outcome: 'SUBMIT_PART', byUserId: 'pb' },
    ]);
  });

  it('routes `subject.members` to every member school of the group', () => {
    const d = flow();
    const s0 = ok(start(d, { subject: group, initiator: admin }, people));
    expect(ok(step(d, s0.snapshot, { type: 'CHASE' }, admin, env)).effects).toEqual([
      { type: 'notify', kind: 'chase', state: 'selfAssess', to: [{ userId: 'pa' }, { userId: 'pb' }] },
    ]);
  });
});
