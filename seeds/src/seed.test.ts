import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { createApp, type Deps, migrate, openDb, verifyAuditChain } from '@eduflow/api';
import { describe, expect, it } from 'vitest';

import { seedDemo } from './index.js';

describe('demo seed', () => {
  it('builds the district through the use-cases, with instances in every state and an intact audit chain', async () => {
    const db = openDb(join(mkdtempSync(join(tmpdir(), 'eduflow-seed-')), 'seed.db'));
    migrate(db);
    const deps: Deps = { db, clock: () => new Date('2026-11-23T02:00:00Z') };
    const t0 = performance.now();
    const summary = await seedDemo(deps, { password: 'demo-Pass-2026' });
    console.log(`seedDemo: ${Math.round(performance.now() - t0)} ms`);
    expect(summary).toMatchObject({ groups: 17, schools: 54 });
    const app = createApp(deps);
    const login = await app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'principal1', password: 'demo-Pass-2026' }),
    });
    expect(login.status).toBe(200);
    const cookie = login.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const tasks = (await (await app.request('/api/tasks', { headers: { cookie } })).json()) as {
      items: Array<{ state: string; subjectName: string }>;
    };
    // The earliest due first: the school's self-check, then the campus-entry confirmation waiting on 西永中学.
    expect(tasks.items).toEqual([
      expect.objectContaining({ state: 'selfCheck', subjectName: '西永中学' }),
      expect.objectContaining({ definitionKey: 'campus-entry', state: 'schoolConfirm' }),
    ]);
    const states = (key: string) =>
      db.$client
        .prepare(
          'select distinct i.state from instances i join definitions d on d.id = i.definition_id where d.key = ? order by 1',
        )
        .all(key)
        .map((r) => (r as { state: string }).state);
    expect(states('security-inspection')).toEqual([
      'closed',
      'inspection',
      'rectification',
      'selfCheck',
      'verification',
    ]);
    expect(states('bundled-assessment')).toEqual([
      'appealReview',
      'deskReview',
      'graded',
      'publicNotice',
      'selfAssessment',
      'siteVisit',
    ]);
    expect(states('campus-entry')).toEqual(['bureauReview', 'done', 'refused', 'schoolConfirm']);
    expect(states('teaching-award')).toEqual([
      'awarded',
      'expertReview',
      'notRecommended',
      'preliminary',
      'publicNotice',
    ]);
    // All 17 groups are in the 2026 cycle; refusals name their rule; expert2 still has a submission to score.
    expect(
      db.$client.prepare("select count(*) n from instances where json_extract(data, '$.cycle') = '2026'").get(),
    ).toEqual({ n: 17 });
    const refusals = db.$client
      .prepare(
        "select json_extract(meta, '$.refusals[0].rule') rule from audit_events where action = 'instance.start' and json_extract(meta, '$.refusals') is not null order by 1",
      )
      .all();
    expect(refusals).toEqual([{ rule: 'leadTime' }, { rule: 'onWhitelist' }]);
    // …and the refused requests carry their reasons where dept1 reads them: on the page (the snapshot's
    // decision, labelled) and in a 自动校验未通过 notice (issue 12.1).
    const decided = db.$client
      .prepare(
        "select json_extract(snapshot, '$.context.decisions.autoCheck.reasons[0].label.zh-CN') label from instances where state = 'refused' order by 1",
      )
      .all();
    expect(decided).toEqual([{ label: '在本年度白名单内' }, { label: '按规定时间提前申报' }]);
    expect(
      db.$client
        .prepare(
          "select count(*) n from notifications n join users u on u.id = n.user_id where u.username = 'dept1' and n.kind = 'refused' and n.reasons is not null",
        )
        .get(),
    ).toEqual({ n: 2 });
    // No 新待办 stays open for work already done (issue 12.11a: nine stale ones remained for principal1).
    const stale = `select count(*) n from notifications n join users u on u.id = n.user_id
      where u.username = 'principal1' and n.kind = 'entered' and n.resolved_at is null
      and not exists (select 1 from tasks t where t.instance_id = n.instance_id and t.state = n.state and t.status = 'open')`;
    expect(db.$client.prepare(stale).get()).toEqual({ n: 0 });
    const resolved = db.$client.prepare(stale.replace('n.resolved_at is null', 'n.resolved_at is not null')).get();
    expect((resolved as { n: number }).n).toBeGreaterThan(0);
    // 科学城第一中学 failed HOST-01 in spring as well: the autumn finding is a repeat.
    expect(db.$client.prepare('select item_code, severity, repeat from findings where repeat = 1').all()).toEqual([
      { item_code: 'HOST-01', severity: 'high', repeat: 1 },
    ]);
    const login2 = await app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'expert2', password: 'demo-Pass-2026' }),
    });
    const cookie2 = login2.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const expertTasks = (await (await app.request('/api/tasks', { headers: { cookie: cookie2 } })).json()) as {
      items: Array<{ state: string }>;
    };
    expect(expertTasks.items).toEqual([expect.objectContaining({ state: 'expertReview' })]);
    const ranking = (await (
      await app.request('/api/reports/bundled-assessment?cycle=2026', { headers: { cookie } })
    ).json()) as { ranking: Array<{ groupName: string; grade: string | null }> };
    // principal1 sees only their own group's line.
    expect(ranking.ranking.map((r) => r.groupName)).toEqual(['科学城第一中学教育集团']);
    // The district calendar carries the 2026–2027 vacations, saved (and audited) through the use-case; deadlines skip 寒假.
    const calendar = (await (await app.request('/api/calendar', { headers: { cookie } })).json()) as {
      vacations: Array<{ from: string; to: string }>;
      version: number;
    };
    expect(calendar.vacations.map((v) => [v.from, v.to])).toEqual([
      ['2026-07-04', '2026-08-31'],
      ['2027-01-23', '2027-02-21'],
      ['2027-07-03', '2027-08-31'],
    ]);
    expect(
      db.$client
        .prepare("select count(*) n from audit_events where action = 'calendar.update' and outcome = 'success'")
        .get(),
    ).toEqual({ n: 1 });
    const due = (await (
      await app.request('/api/calendar/due-date?from=2027-01-22&workdays=1', { headers: { cookie } })
    ).json()) as { dueDate: string };
    expect(due.dueDate).toBe('2027-02-22');
    // Four eyes: every published definition and piece of reference data was drafted by admin and approved by reviewer.
    const publishes = db.$client
      .prepare(
        `select a.entity_type type, c.username creator, p.username publisher from audit_events a
           join (select id, created_by from definitions union all select id, created_by from reference_data) r on r.id = a.entity_id
           join users c on c.id = r.created_by join users p on p.id = a.actor_id
         where a.action in ('definition.publish', 'reference.publish') and a.outcome = 'success'`,
      )
      .all() as Array<{ type: string; creator: string; publisher: string }>;
    expect(publishes).toHaveLength(8);
    expect(new Set(publishes.map((p) => `${p.creator}→${p.publisher}`))).toEqual(new Set(['admin→reviewer']));
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true });
  });
});
