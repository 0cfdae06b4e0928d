import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { runDueTimers } from '../../scheduler/run-due-timers.js';
import type { WorkflowHarness } from '../../test/workflow-harness.js';
import { noticePeriodFixture, submission } from './notice-period.fixture.js';

// Issue 9: a 公示 (a step of kind `notice`) shows when it ends, on the instance and in the lists, like
// any deadline — but it is nobody's to-do and never overdue: it simply ends.
let h: WorkflowHarness;
let award: string;
let assessment: string;
let waiting: string;
// The test clock starts Monday 2026-11-23 09:00 CST; the end is 23:59:59 CST of the n-th school working day after.
const AWARD_ENDS = '2026-12-02T15:59:59.000Z'; // 7 working days
const ASSESSMENT_ENDS = '2026-11-30T15:59:59.000Z'; // 5 working days
const RECOMMEND_DUE = '2026-11-30T15:59:59.000Z'; // the principal's 5-day recommendation

type Item = { id: string; dueAt: string | null; dueKind: 'task' | 'notice' | null; overdue: boolean; state: string };
const list = async (who: string, query: string) => {
  const res = await h.get(`/api/instances?${query}`, await h.as(who));
  expect(res.status, await res.clone().text()).toBe(200);
  return ((await res.json()) as { items: Item[] }).items;
};
const ok = async (res: Response) => expect(res.status, await res.clone().text()).toBe(200);

beforeAll(async () => {
  ({ h, award, assessment } = await noticePeriodFixture());
  // A second submission waits on the principal: a task's deadline, to compare with.
  waiting = (await (await h.start('teacherA', 'teaching-award', h.orgs.schoolA, submission('第二项成果'))).json()).id;
});
afterAll(() => h.close());

describe('the instance view carries the running notice', () => {
  it('ends after the notice step’s school working days, counted from its start, with the days left', async () => {
    const view = await h.view(award, 'teacherA');
    expect(view.stateKind).toBe('notice');
    expect(view.openTasks).toEqual([]);
    expect(view.notice).toEqual({ endsAt: AWARD_ENDS, workdaysLeft: 7 });
    expect((await h.view(assessment, 'lead1')).notice).toEqual({ endsAt: ASSESSMENT_ENDS, workdaysLeft: 5 });
    // A task step has no notice; its deadline is its open task's.
    expect((await h.view(waiting, 'teacherA')).notice).toBeNull();
  });

  it('counts the days left by the school calendar as time passes (Friday evening: Monday and Tuesday, Wednesday is the last)', async () => {
    h.clock.set('2026-11-27T12:00:00.000Z');
    expect((await h.view(award, 'principalA')).notice).toEqual({ endsAt: AWARD_ENDS, workdaysLeft: 3 });
    h.clock.set('2026-11-23T01:00:00.000Z');
  });
});

describe('lists show the notice’s end in the deadline column', () => {
  it('as dueAt of kind notice, sorted among task deadlines, never overdue', async () => {
    const items = await list('reviewer1', 'sort=dueAt&order=asc&limit=50');
    const byId = new Map(items.map((i) => [i.id, i]));
    expect(byId.get(award)).toMatchObject({
      dueAt: AWARD_ENDS,
      dueKind: 'notice',
      overdue: false,
      state: 'publicNotice',
    });
    expect(byId.get(assessment)).toMatchObject({ dueAt: ASSESSMENT_ENDS, dueKind: 'notice', overdue: false });
    expect(byId.get(waiting)).toMatchObject({ dueAt: RECOMMEND_DUE, dueKind: 'task' });
    const dated = items.filter((i) => i.dueAt).map((i) => i.dueAt!);
    expect(dated).toEqual([...dated].sort());
    expect(items.indexOf(byId.get(award)!)).toBeGreaterThan(items.indexOf(byId.get(waiting)!));
  });

  it('?notice=1 lists the running notices each reader may see: the author, the school, the group’s lead and members, the bureau', async () => {
    const ids = async (who: string) => (await list(who, 'notice=1&sort=dueAt&order=asc')).map((i) => i.id);
    expect(await ids('reviewer1')).toEqual([assessment, award]);
    expect(await ids('teacherA')).toEqual([award]);
    expect(await ids('principalA')).toEqual([assessment, award]);
    expect(await ids('lead1')).toEqual([assessment, award]);
    expect(await ids('principalA2')).toEqual([assessment]);
    expect(await ids('principalB')).toEqual([]);
  });

  it('?overdue=1 lists a task past its deadline, never a notice past its end that the scheduler has not closed yet', async () => {
    h.clock.set('2026-12-03T02:00:00.000Z');
    const items = await list('reviewer1', 'sort=dueAt&order=asc&limit=50');
    expect(items.find((i) => i.id === award)).toMatchObject({ dueKind: 'notice', overdue: false });
    expect(items.find((i) => i.id === waiting)).toMatchObject({ dueKind: 'task', overdue: true });
    const overdue = (await list('reviewer1', 'overdue=1&limit=50')).map((i) => i.id);
    expect(overdue).toContain(waiting);
    expect(overdue).not.toContain(award);
    expect(overdue).not.toContain(assessment);
    expect((await list('principalA', 'overdue=1&sort=dueAt&order=asc')).map((i) => i.id)).toEqual([waiting]);
    h.clock.set('2026-11-23T01:00:00.000Z');
  });
});

describe('a notice is nobody’s to-do', () => {
  it('opens no task: the inboxes of those who may object or appeal do not list it, yet they may act on the instance', async () => {
    for (const who of ['teacherA', 'principalA', 'principalA2', 'lead1', 'expert', 'reviewer1']) {
      const inbox = (await (await h.get('/api/tasks?limit=100', await h.as(who))).json()) as {
        items: Array<{ instanceId: string | null }>;
      };
      expect(
        inbox.items.map((t) => t.instanceId),
        who,
      ).not.toContain(award);
      expect(
        inbox.items.map((t) => t.instanceId),
        who,
      ).not.toContain(assessment);
    }
    expect((await h.view(award, 'principalA')).availableEvents.map((e) => e.type)).toContain('OBJECT');
    expect((await h.view(assessment, 'lead1')).availableEvents.map((e) => e.type)).toContain('APPEAL');
  });
});

describe('the notice’s end follows the instance', () => {
  it('an appeal interrupts it, upholding opens a new notice from that day, and the timer ends it', async () => {
    h.clock.set('2026-11-25T02:00:00.000Z'); // Wednesday
    await ok(await h.fire(assessment, 'lead1', 'APPEAL', { comment: '薄弱校提升的佐证材料未被采纳' }));
    expect((await h.view(assessment)).notice).toBeNull();
    expect((await list('reviewer1', 'notice=1')).map((i) => i.id)).toEqual([award]);
    const inReview = (await list('reviewer1', 'limit=50')).find((i) => i.id === assessment);
    expect(inReview).toMatchObject({ state: 'appealReview', dueAt: null, dueKind: null });

    h.clock.set('2026-11-26T02:00:00.000Z'); // Thursday: five working days end next Thursday
    await ok(await h.fire(assessment, 'reviewer1', 'UPHOLD', { comment: '维持原结果' }));
    expect((await h.view(assessment)).notice).toEqual({ endsAt: '2026-12-03T15:59:59.000Z', workdaysLeft: 5 });
    expect((await list('lead1', 'notice=1')).find((i) => i.id === assessment)).toMatchObject({
      dueAt: '2026-12-03T15:59:59.000Z',
      dueKind: 'notice',
    });

    h.clock.set('2026-12-04T02:00:00.000Z');
    await runDueTimers(h.deps);
    for (const id of [award, assessment]) {
      const view = await h.view(id);
      expect(view.status).toBe('completed');
      expect(view.notice).toBeNull();
    }
    const done = await list('reviewer1', 'limit=50');
    expect(done.filter((i) => i.id === award || i.id === assessment).map((i) => [i.dueAt, i.dueKind])).toEqual([
      [null, null],
      [null, null],
    ]);
    expect(await list('reviewer1', 'notice=1')).toEqual([]);
  });
});
