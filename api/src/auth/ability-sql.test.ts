import { subject } from '@casl/ability';
import { and, asc } from 'drizzle-orm';
import { SQLiteSyncDialect } from 'drizzle-orm/sqlite-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { tx } from '../db/client.js';
import {
  definitions,
  instanceParticipants,
  instances,
  taskCandidates,
  tasks,
  type TInstanceRow,
} from '../db/schema.js';
import { type RoleGrant, ROLES } from '../engine.js';
import { createDraftDefinition } from '../features/definitions/create-draft.js';
import { DEFINITION_FIELDS } from '../features/definitions/list-definitions.js';
import { instanceFields, participantIds, toInstanceSubject } from '../features/instances/instance-subject.js';
import { filterInTurn } from '../lib/in-turn.js';
import schoolReport from '../test/fixtures/school-report.json' with { type: 'json' };
import { type Harness, makeHarness } from '../test/harness.js';
import { ACTIONS, defineAbilityFor } from './ability.js';
import { rulesToWhere } from './ability-sql.js';
import type { TAuthUser } from './user.js';

let h: Harness;
let rows: TInstanceRow[];

/** Small deterministic PRNG so a failure reproduces. */
function rng(seed: number) {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

beforeAll(async () => {
  h = await makeHarness();
  const definitionId = await h.publish();
  const rand = rng(42);
  const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const schools: Array<[string, string | null]> = [
    [h.orgs.schoolA, h.orgs.group1],
    [h.orgs.schoolA2, h.orgs.group1],
    [h.orgs.schoolB, h.orgs.group2],
  ];
  const userIds = Object.values(h.users);
  rows = [];
  const participants: Array<typeof instanceParticipants.$inferInsert> = [];
  const taskRows: Array<typeof tasks.$inferInsert> = [];
  const candidates: Array<typeof taskCandidates.$inferInsert> = [];
  // Rows generated straight into the tables: this tests the translator, not the use-cases. They go in as one
  // transaction (one per row took 15 s on PostgreSQL, 1,500 commits).
  for (let i = 0; i < 300; i += 1) {
    const [school, group] = pick(schools);
    const row: TInstanceRow = {
      id: `gen-${String(i).padStart(3, '0')}`,
      definitionId,
      subjectOrgId: school,
      subjectGroupId: rand() < 0.1 ? null : group,
      districtId: h.orgs.district,
      dueAt: null,
      period: null,
      title: null,
      requesterOrgId: school,
      state: 'draft',
      status: rand() < 0.3 ? 'completed' : 'running',
      outcome: null,
      data: {},
      snapshot: {},
      version: 1,
      createdBy: pick(userIds),
      createdAt: '2026-11-01T00:00:00.000Z',
      updatedAt: '2026-11-01T00:00:00.000Z',
    };
    for (const userId of userIds.filter(() => rand() < 0.15))
      participants.push({ instanceId: row.id, userId, role: 'inspector' });
    // Some instances have a task, open or closed, waiting on a named person or on a role at an org.
    if (rand() < 0.4) {
      const taskId = `task-${row.id}`;
      taskRows.push({
        id: taskId,
        instanceId: row.id,
        taskKey: 'k',
        state: 'draft',
        purpose: 'act',
        dueAt: null,
        status: rand() < 0.7 ? 'open' : 'closed',
        createdAt: row.createdAt,
      });
      const [school] = pick(schools);
      candidates.push(
        rand() < 0.5
          ? { taskId, userId: pick(userIds) }
          : {
              taskId,
              role: pick(['principal', 'inspector', 'expert', 'teacher']),
              orgId: rand() < 0.2 ? null : pick([school, h.orgs.district]),
            },
      );
    }
    rows.push(row);
  }
  await tx(h.db, async () => {
    await h.db.insert(instances).values(rows);
    await h.db.insert(instanceParticipants).values(participants);
    await h.db.insert(tasks).values(taskRows);
    await h.db.insert(taskCandidates).values(candidates);
  });
});
afterAll(() => h.close());

const userWith = (id: string, roles: RoleGrant[]): TAuthUser => ({
  id,
  username: id,
  displayName: id,
  locale: 'zh-CN',
  roles,
});

function cases(): Array<[string, TAuthUser]> {
  const o = h.orgs;
  const single = ROLES.map((role): [string, TAuthUser] => {
    const orgId = role === 'principal' || role === 'teacher' ? o.schoolA : role === 'groupLead' ? o.group1 : o.district;
    const id =
      h.users[
        {
          bureauAdmin: 'admin',
          bureauReviewer: 'reviewer1',
          groupLead: 'lead1',
          principal: 'principalA',
          teacher: 'teacherA',
          inspector: 'inspector',
          expert: 'expert',
          outsideDept: 'outside',
          securityAdmin: 'secadmin',
          auditor: 'auditor',
        }[role]
      ] ?? role;
    return [role, userWith(id, [{ role, orgId }])];
  });
  return [
    ...single,
    [
      'principal of two schools',
      userWith(h.users.principalB ?? '', [
        { role: 'principal', orgId: o.schoolB },
        { role: 'principal', orgId: o.schoolA2 },
      ]),
    ],
    [
      'group lead + teacher',
      userWith(h.users.teacherA ?? '', [
        { role: 'groupLead', orgId: o.group2 },
        { role: 'teacher', orgId: o.schoolA },
      ]),
    ],
    [
      'auditor who is also an admin',
      userWith(h.users.auditor ?? '', [
        { role: 'auditor', orgId: o.district },
        { role: 'bureauAdmin', orgId: o.district },
      ]),
    ],
    [
      'security admin who is also a principal',
      userWith(h.users.secadmin ?? '', [
        { role: 'securityAdmin', orgId: o.district },
        { role: 'principal', orgId: o.schoolA },
      ]),
    ],
    ['no roles', userWith('nobody', [])],
  ];
}

/** A row's participants as a case sees them, read once for the four actions (1,500 reads each, not 6,000). */
const participantsSeen = new Map<string, ReturnType<typeof participantIds>>();
function participantsOf(row: TInstanceRow, label: string, user: TAuthUser) {
  const key = `${label} ${row.id}`;
  const known = participantsSeen.get(key) ?? participantIds(h.deps, row.id, user);
  participantsSeen.set(key, known);
  return known;
}

describe('rules → SQL agrees with ability.can on generated rows', () => {
  it.each(['read', 'act', 'create', 'update'] as const)('Instance / %s, for every role', async (action) => {
    for (const [label, user] of cases()) {
      const ability = defineAbilityFor(user);
      const expected = (
        await filterInTurn(rows, async (r) =>
          ability.can(action, subject('Instance', toInstanceSubject(r, await participantsOf(r, label, user)))),
        )
      ).map((r) => r.id);
      const actual = (
        await h.db
          .select({ id: instances.id })
          .from(instances)
          .where(and(rulesToWhere(ability, action, 'Instance', instanceFields(user, h.db))))
          .orderBy(asc(instances.id))
      ).map((r) => r.id);
      expect(actual, `${label} / ${action}`).toEqual(expected);
    }
  });

  it('Definition / read: published for everyone, drafts for the admin (and auditor)', async () => {
    await createDraftDefinition(h.deps, { definition: schoolReport });
    const all = await h.db.select().from(definitions).orderBy(asc(definitions.id));
    expect(new Set(all.map((d) => d.status))).toEqual(new Set(['draft', 'published']));
    for (const [label, user] of cases()) {
      const ability = defineAbilityFor(user);
      for (const action of ACTIONS) {
        const expected = all
          .filter((d) => ability.can(action, subject('Definition', { id: d.id, key: d.key, status: d.status })))
          .map((d) => d.id);
        const actual = (
          await h.db
            .select({ id: definitions.id })
            .from(definitions)
            .where(rulesToWhere(ability, action, 'Definition', DEFINITION_FIELDS))
            .orderBy(asc(definitions.id))
        ).map((d) => d.id);
        expect(actual, `${label} / ${action}`).toEqual(expected);
      }
    }
  });

  it('the generated data exercises both outcomes for the scoped roles', async () => {
    const principal = defineAbilityFor(userWith('p', [{ role: 'principal', orgId: h.orgs.schoolA }]));
    const readable = rows.filter((r) => principal.can('read', subject('Instance', toInstanceSubject(r, []))));
    expect(readable.length).toBeGreaterThan(0);
    expect(readable.length).toBeLessThan(rows.length);
    // …and the open-task path: a principal of school A reads other schools' instances only while work waits on them.
    const user = userWith(h.users.principalA ?? '', [{ role: 'principal', orgId: h.orgs.schoolA }]);
    const viaTask = await filterInTurn(
      rows,
      async (r) =>
        r.subjectOrgId !== h.orgs.schoolA &&
        defineAbilityFor(user).can(
          'read',
          subject('Instance', toInstanceSubject(r, await participantIds(h.deps, r.id, user))),
        ),
    );
    expect(viaTask.length).toBeGreaterThan(0);
  });
});

describe('rules → SQL says each condition once', () => {
  it('an inspector’s read rules, granted by more than one rule, become one participant condition, not the same subquery twice', async () => {
    const user = await h.authUser('inspector');
    const where = rulesToWhere(defineAbilityFor(user), 'read', 'Instance', instanceFields(user, h.db));
    const text = new SQLiteSyncDialect().sqlToQuery(where).sql;
    // As `x in (A) or x in (A)`, PostgreSQL could not join the subquery and scanned every instance (1 s at 1M).
    expect(text.match(/instance_participants/g)).toHaveLength(1);
  });
});
