import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { makeWorkflowHarness, type WorkflowHarness } from '../../test/workflow-harness.js';

let h: WorkflowHarness;
beforeAll(async () => {
  h = await makeWorkflowHarness();
});
afterAll(() => h.close());

describe('负担码 burden reports', () => {
  it('a teacher files one about a listed burden; the bureau sees it with a deadline, without the reporter, and resolves it once', async () => {
    const filed = await h.post(
      '/api/burden-reports',
      { burdenItem: 'FD-01', description: '每周被要求填报与教学无关的统计表三份', hours: 4 },
      await h.as('teacherA'),
    );
    expect(filed.status, JSON.stringify(await filed.clone().json())).toBe(201);
    const report = await filed.json();
    expect(report).toMatchObject({ schoolId: h.orgs.schoolA, status: 'open', overdue: false, version: 1 });
    expect(report).not.toHaveProperty('reporterId');
    // The 办理 dialog shows "FD-01 · name": the name comes from the published 减负清单.
    const one = await (await h.get(`/api/burden-reports/${report.id}`, await h.as('reviewer1'))).json();
    expect(one).toMatchObject({ burdenItem: 'FD-01', burdenItemName: '与教育教学无关的填表报数' });
    // Five school working days from Monday 23 Nov: Monday 30 Nov.
    expect(report.dueAt.slice(0, 10)).toBe('2026-11-30');

    expect((await h.get('/api/burden-reports', await h.as('principalA'))).status).toBe(403);
    const queue = await (await h.get('/api/burden-reports?status=open', await h.as('reviewer1'))).json();
    expect(queue.items.map((r: { id: string }) => r.id)).toEqual([report.id]);
    expect(queue.items[0].burdenItemName).toBe('与教育教学无关的填表报数');

    const body = { resolution: '已约谈相关部门，取消该填报要求', expectedVersion: 1 };
    const figures = await (
      await h.get('/api/reports/campus-entry?semester=2026-autumn', await h.as('reviewer1'))
    ).json();
    expect(figures.burden).toEqual([
      { schoolId: h.orgs.schoolA, schoolName: '实验小学', reports: 1, open: 1, hours: 4 },
    ]);
    expect(
      (await (await h.get('/api/reports/campus-entry?semester=2026-autumn', await h.as('principalA'))).json()).burden,
    ).toEqual([]);

    const done = await h.post(`/api/burden-reports/${report.id}/resolve`, body, await h.as('reviewer1'));
    expect(done.status).toBe(200);
    expect((await h.post(`/api/burden-reports/${report.id}/resolve`, body, await h.as('reviewer1'))).status).toBe(409);
  });

  it('refuses an item not on the burden list (422) and non-teachers (403)', async () => {
    const bad = await h.post(
      '/api/burden-reports',
      { burdenItem: 'ZZ-9', description: '要求教师参加商业推广活动' },
      await h.as('teacherA'),
    );
    expect(bad.status).toBe(422);
    expect((await bad.json()).error.fieldErrors.burdenItem['zh-CN']).toContain('减负清单');
    expect(
      (
        await h.post(
          '/api/burden-reports',
          { burdenItem: 'other', description: '某项要求说明' },
          await h.as('principalA'),
        )
      ).status,
    ).toBe(403);
  });
});

describe('负担码 deadlines', () => {
  it('count the district calendar’s school working days', async () => {
    const admin = await h.as('admin');
    const res = await h.app.request('/api/calendar', {
      method: 'PUT',
      headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf, 'content-type': 'application/json' },
      body: JSON.stringify({ holidays: ['2026-11-25'], workdays: [], vacations: [], expectedVersion: 0 }),
    });
    expect(res.status, await res.clone().text()).toBe(200);
    const filed = await (
      await h.post(
        '/api/burden-reports',
        { burdenItem: 'FD-02', description: '要求教师周末参加与教学无关的评比活动' },
        await h.as('teacherA'),
      )
    ).json();
    // Five working days from Monday 23 Nov with Wednesday 25 Nov a holiday: Tuesday 1 Dec.
    expect(filed.dueAt.slice(0, 10)).toBe('2026-12-01');
  });
});

describe('负担码 reports in the bureau inbox', () => {
  type Task = {
    id: string;
    instanceId: string | null;
    burdenReportId: string | null;
    definitionKey: string;
    subjectName: string;
    dueAt: string | null;
    overdue: boolean;
  };
  const inbox = async (who: string): Promise<Task[]> => {
    const res = await h.get('/api/tasks?limit=100', await h.as(who));
    expect(res.status).toBe(200);
    return (await res.json()).items;
  };

  it('a filed report is a task for every bureau reviewer with its deadline, never for a school; resolving it closes the task', async () => {
    const report = await (
      await h.post(
        '/api/burden-reports',
        { burdenItem: 'FD-01', description: '要求教师在工作群每日打卡上报', hours: 2 },
        await h.as('teacherA'),
      )
    ).json();
    for (const who of ['reviewer1', 'reviewer2']) {
      const task = (await inbox(who)).find((t) => t.burdenReportId === report.id);
      expect(task).toMatchObject({
        instanceId: null,
        definitionKey: 'burden-report',
        subjectName: '实验小学',
        dueAt: report.dueAt,
        overdue: false,
      });
    }
    for (const who of ['principalA', 'principalB', 'teacherA'])
      expect((await inbox(who)).some((t) => t.burdenReportId === report.id)).toBe(false);

    // Past its deadline it is flagged overdue like any other task.
    h.clock.advance(10 * 86_400_000);
    expect((await inbox('reviewer1')).find((t) => t.burdenReportId === report.id)?.overdue).toBe(true);

    // The inbox row leads to the report, read with its version, then resolved from there.
    const opened = await h.get(`/api/burden-reports/${report.id}`, await h.as('reviewer2'));
    expect(opened.status).toBe(200);
    const { version } = await opened.json();
    expect((await h.get(`/api/burden-reports/${report.id}`, await h.as('principalA'))).status).toBe(403);
    const done = await h.post(
      `/api/burden-reports/${report.id}/resolve`,
      { resolution: '已通知学校取消打卡要求', expectedVersion: version },
      await h.as('reviewer2'),
    );
    expect(done.status).toBe(200);
    expect((await inbox('reviewer1')).some((t) => t.burdenReportId === report.id)).toBe(false);
  });
});
