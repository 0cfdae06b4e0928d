import { describe, expect, it } from 'vitest';

import { SYSTEM_ACTOR } from './actors.js';
import { start, step } from './engine.js';
import { admin, def, env, l, ok, subject } from './test-fixtures.js';

const system = SYSTEM_ACTOR;

const flow = def({
  key: 'award',
  name: l('成果评审'),
  subject: 'school',
  starters: [{ role: 'bureauAdmin', scope: 'district' }],
  startForm: { fields: [{ name: 'score', type: 'number', label: l('得分'), min: 0, max: 100 }] },
  initial: 'grade',
  states: {
    grade: {
      kind: 'auto',
      name: l('自动定级'),
      choices: [{ to: 'notice', guards: [{ name: 'fieldCompare', params: { field: 'score', op: 'gte', value: 85 } }] }],
      otherwise: 'notAwarded',
    },
    notice: {
      kind: 'notice',
      name: l('公示'),
      duration: { workdays: 7 },
      onEnd: { to: 'awarded' },
      on: { OBJECT: { to: 'recheck', actors: [{ role: 'principal', scope: 'any' }], comment: 'required' } },
    },
    recheck: {
      kind: 'task',
      name: l('复核'),
      actors: [{ role: 'bureauAdmin', scope: 'district' }],
      on: { CONFIRM: { to: 'notice' }, DECLINE: { to: 'notAwarded' } },
    },
    awarded: { kind: 'final', name: l('获奖'), outcome: 'approved' },
    notAwarded: { kind: 'final', name: l('未获奖'), outcome: 'rejected' },
  },
});

describe('auto states', () => {
  it('take the first choice whose rules pass, else the fallback, without anyone acting', () => {
    expect(ok(start(flow, { subject, initiator: admin, data: { score: 90 } }, env)).state).toBe('notice');
    const low = ok(start(flow, { subject, initiator: admin, data: { score: 60 } }, env));
    expect([low.state, low.status, low.outcome]).toEqual(['notAwarded', 'completed', 'rejected']);
  });
});

describe('notice (公示) states', () => {
  it('schedule their end in school working days and end by the timer', () => {
    const s = ok(start(flow, { subject, initiator: admin, data: { score: 90 } }, env));
    // 7 working days from Mon 2026-11-23 → Wed 2026-12-02.
    expect(s.effects).toContainEqual({
      type: 'scheduleTimer',
      timerKey: 'notice:1:noticeEnd',
      dueAt: '2026-12-02T15:59:59.000Z',
      event: { type: 'TIMER', timer: 'noticeEnd', state: 'notice', visit: 1 },
    });
    const end = ok(
      step(flow, s.snapshot, { type: 'TIMER', timer: 'noticeEnd', state: 'notice', visit: 1 }, system, env),
    );
    expect([end.state, end.outcome]).toEqual(['awarded', 'approved']);
  });

  it('are interrupted by an objection, which cancels the timer; a new notice gets a new timer', () => {
    const s = ok(start(flow, { subject, initiator: admin, data: { score: 90 } }, env));
    const objector = { userId: 'p9', roles: [{ role: 'principal' as const, orgId: 'school-z' }] };
    const o = ok(step(flow, s.snapshot, { type: 'OBJECT', comment: '成果存在抄袭' }, objector, env));
    expect(o.state).toBe('recheck');
    expect(o.effects).toContainEqual({ type: 'cancelTimer', timerKey: 'notice:1:noticeEnd' });
    const again = ok(step(flow, o.snapshot, { type: 'CONFIRM' }, admin, env));
    expect(again.effects).toContainEqual(
      expect.objectContaining({ type: 'scheduleTimer', timerKey: 'notice:2:noticeEnd' }),
    );
    // The first notice's timer, fired late, changes nothing.
    expect(
      step(flow, again.snapshot, { type: 'TIMER', timer: 'noticeEnd', state: 'notice', visit: 1 }, system, env),
    ).toMatchObject({ ok: false, code: 'EVENT_NOT_ALLOWED' });
  });
});
