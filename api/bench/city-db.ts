/**
 * Builds a city-scale database for the benchmark (issue 11): the demo district seeded through the real
 * use-cases, grown to `schools` schools, then its 47 seeded instances — every workflow in every state the
 * seeds reach — cloned in SQL to `instances` rows with their tasks, candidates, participants, timers,
 * notifications, findings and attachment rows, and `auditEvents` events appended to the real hash chain.
 *
 * Realistic mix: a city after ten years is mostly history. The same schools do the same amount of
 * current work whatever the history's length, so RUNNING clones (copies of running instances, within
 * the last three weeks) are the same number at every scale and the rest, completed, spread over ten
 * years: open tasks, due timers and inboxes are the size a live city has at 20k and at 1M, and what the
 * benchmark compares is the cost of history.
 *
 * People: school-level roles (principal, teacher, group lead) are remapped to the holder of that role at
 * the clone's school or group, so principal1 sees their own school's share and not the city; district
 * roles (inspector, experts, reviewers) are spread over POOL colleagues, principal1-style demo users being
 * one of each pool.
 */
import { seedDemo } from '@eduflow/seeds';
import Database from 'better-sqlite3';

import { hashEvent } from '../src/audit/append.js';
import { closeDb } from '../src/db/client.js';
import { type Db, migrate, openDb } from '../src/index.js';

export const BENCH_PASSWORD = 'bench-Pass-2026';
const RUNNING = 5_000;
const MIX: Record<string, number> = {
  'campus-entry': 25 / 37.25,
  'teaching-award': 10 / 37.25,
  'security-inspection': 2 / 37.25,
  'bundled-assessment': 0.25 / 37.25,
};
const POOL = 40;
const SCHOOL_ROLES = ['principal', 'teacher'];

export type TCityShape = { instances: number; auditEvents: number; schools: number };

export async function buildCityDb(file: string, shape: TCityShape, log: (s: string) => void = () => {}): Promise<Db> {
  const db = openDb(file);
  migrate(db);
  await seedDemo({ db, clock: () => new Date() }, { password: BENCH_PASSWORD });
  // The growth runs on one plain connection: openDb's reader would keep the file in WAL mode.
  closeDb(db);
  const c = new Database(file);
  // A rollback journal while it is built: new pages need no journalling (a 10 GB WAL doubled the build).
  c.pragma('journal_mode = DELETE');
  c.pragma('synchronous = OFF');
  const step = timer(log);
  c.transaction(() => growOrganisations(c, shape.schools))();
  step(`organisations: ${count(c, "organisations where type = 'school'")} schools`);
  c.transaction(() => growPeople(c))();
  step(`people: ${count(c, 'users')} users`);
  c.transaction(() => planClones(c, shape.instances - count(c, 'instances')))();
  c.transaction(() => cloneRows(c))();
  step(
    `instances: ${count(c, 'instances')} (${count(c, "instances where status = 'running'")} running), ${count(c, 'tasks')} tasks`,
  );
  appendAuditChain(c, shape.auditEvents - count(c, 'audit_events'), step);
  c.exec('drop table bench_clone; drop table bench_umap; drop table bench_pool;');
  c.pragma('journal_mode = WAL');
  c.pragma('synchronous = NORMAL');
  step(`audit: ${count(c, 'audit_events')} events`);
  c.close();
  return openDb(file);
}

const count = (c: Database.Database, from: string) =>
  (c.prepare(`select count(*) n from ${from}`).get() as { n: number }).n;

function timer(log: (s: string) => void) {
  let t = performance.now();
  return (what: string) => {
    const now = performance.now();
    log(`  ${what} (${((now - t) / 1000).toFixed(1)} s)`);
    t = now;
  };
}

/** New education groups of four schools under the district until it has `schools` schools. */
function growOrganisations(c: Database.Database, schools: number) {
  const district = c.prepare("select id from organisations where type = 'district'").get() as { id: string };
  const have = count(c, "organisations where type = 'school'");
  const org = c.prepare(
    'insert into organisations (id, type, name, parent_id, group_kind, version) values (?, ?, ?, ?, ?, 1)',
  );
  let group = '';
  for (let i = 0; i < schools - have; i++) {
    if (i % 4 === 0) {
      group = `bench-group-${i / 4}`;
      org.run(group, 'group', `压测教育集团${i / 4 + 1}`, district.id, 'primary');
    }
    org.run(`bench-school-${i}`, 'school', `压测学校${i + 1}`, group, null);
  }
}

/**
 * bench_umap: for each school (or group), who holds each school-level role there (a new account where no
 * seeded one does). bench_pool: POOL colleagues for each holder of a district-level role.
 */
function growPeople(c: Database.Database) {
  const hash = (c.prepare("select password_hash h from users where username = 'principal1'").get() as { h: string }).h;
  const now = new Date().toISOString();
  const user = c.prepare(
    'insert into users (id, username, display_name, password_hash, created_at, password_changed_at) values (?, ?, ?, ?, ?, ?)',
  );
  const grant = c.prepare('insert into role_grants (user_id, role, org_id) values (?, ?, ?)');
  const holder = c.prepare('select user_id id from role_grants where role = ? and org_id = ? order by user_id limit 1');
  c.exec('create table bench_umap (from_id text, org text, to_id text, primary key (from_id, org)) without rowid');
  c.exec('create table bench_pool (from_id text, idx integer, to_id text, primary key (from_id, idx)) without rowid');
  const umap = c.prepare('insert into bench_umap values (?, ?, ?)');
  const pool = c.prepare('insert into bench_pool values (?, ?, ?)');
  const grants = c
    .prepare(
      'select g.user_id id, g.role, g.org_id org, u.username from role_grants g join users u on u.id = g.user_id',
    )
    .all() as Array<{ id: string; role: string; org: string; username: string }>;
  const orgs = c.prepare("select id, type from organisations where type in ('school', 'group')").all() as Array<{
    id: string;
    type: string;
  }>;
  const holderAt = (role: string, org: string) => {
    const found = holder.get(role, org) as { id: string } | undefined;
    if (found) return found.id;
    const id = `bench-${role}-${org}`;
    user.run(id, id, `${role}@${org}`, hash, now, now);
    grant.run(id, role, org);
    return id;
  };
  for (const g of grants) {
    const kind = SCHOOL_ROLES.includes(g.role) ? 'school' : g.role === 'groupLead' ? 'group' : null;
    if (kind) {
      for (const o of orgs) if (o.type === kind) umap.run(g.id, o.id, holderAt(g.role, o.id));
    } else if (!g.username.startsWith('bench-')) {
      pool.run(g.id, 0, g.id);
      for (let i = 1; i < POOL; i++) {
        const id = `bench-${g.username}-${i}`;
        user.run(id, id, `${g.username}-${i}`, hash, now, now);
        grant.run(id, g.role, g.org);
        pool.run(g.id, i, id);
      }
    }
  }
}

/** bench_clone: which seeded instance each new row copies, for which school and group, how far back. */
function planClones(c: Database.Database, n: number) {
  const tpl = c
    .prepare(
      `select i.id, i.status, d.key, i.subject_org_id org, o.type, coalesce(i.subject_group_id, case when o.type = 'group' then o.id end) grp
       from instances i join organisations o on o.id = i.subject_org_id join definitions d on d.id = i.definition_id order by i.id`,
    )
    .all() as Array<{ id: string; status: string; key: string; org: string; type: string; grp: string | null }>;
  const schools = c
    .prepare("select id, parent_id grp from organisations where type = 'school' order by id")
    .all() as Array<{ id: string; grp: string }>;
  // The workflows in the proportions a year brings: 25 campus-entry requests and 10 award entries per
  // school, 2 inspections per school, 1 assessment per group of four.
  const keys = Object.entries(MIX);
  const pick = (r: number) =>
    keys.find((_, i) => r < keys.slice(0, i + 1).reduce((a, [, w]) => a + w, 0))?.[0] ?? keys[0][0];
  const of = (status: string, key: string) => tpl.filter((t) => t.status === status && t.key === key);
  c.exec(
    `create table bench_clone (n integer primary key, tpl text, tpl_org text, tpl_grp text, school text, grp text, shift text)`,
  );
  const ins = c.prepare('insert into bench_clone values (?, ?, ?, ?, ?, ?, ?)');
  let seed = 42;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const share = Math.min(1, RUNNING / n);
  for (let k = 1; k <= n; k++) {
    const isRunning = rnd() < share;
    const pool = of(isRunning ? 'running' : 'completed', pick(rnd()));
    const t = pool[k % pool.length];
    const s = schools[Math.floor(rnd() * schools.length)];
    const days = isRunning ? Math.floor(rnd() * 21) : 30 + Math.floor(rnd() * 3620);
    // Instances about a school or a group move to the clone's; ones about the district stay where they are.
    const school = t.type === 'group' ? s.grp : t.type === 'school' ? s.id : t.org;
    ins.run(k, t.id, t.org, t.grp, school, t.type === 'school' || t.type === 'group' ? s.grp : t.grp, `-${days} days`);
  }
}

/**
 * INSERT … SELECT per table, column lists read from the schema so a new column is copied as is; the
 * overrides give new ids, the clone's school, group and people, and shifted times.
 */
function cloneRows(c: Database.Database) {
  const nid = (col: string) => `substr(${col}, 1, 24) || printf('%012d', k.n)`;
  const shift = (col: string) => `strftime('%Y-%m-%dT%H:%M:%fZ', ${col}, k.shift)`;
  const person = (col: string) =>
    `coalesce((select to_id from bench_umap m where m.from_id = ${col} and m.org in (k.school, k.grp)),
              (select to_id from bench_pool p where p.from_id = ${col} and p.idx = k.n % ${POOL}), ${col})`;
  const org = (col: string) =>
    `case ${col} when k.tpl_org then (case when k.tpl_org = k.tpl_grp then k.grp else k.school end) when k.tpl_grp then k.grp else ${col} end`;
  const copy = (table: string, join: string, over: Record<string, string>, orIgnore = false) => {
    const cols = (
      c.prepare(`select name from pragma_table_xinfo('${table}') where hidden = 0`).all() as Array<{ name: string }>
    ).map((r) => r.name);
    const select = cols.map((col) => over[col] ?? `x.${col}`).join(', ');
    c.exec(
      `insert ${orIgnore ? 'or ignore ' : ''}into ${table} (${cols.join(', ')}) select ${select} from bench_clone k ${join}`,
    );
  };
  // Snapshots and data name the template's school, group and people by id (the engine's subject, initiator,
  // assignments): the same substitutions as the columns, as text replacements chosen per template. Other
  // organisations a snapshot names (a group's member schools, a request's schools) stay the template's.
  const lit = (v: string) => `'${v.replaceAll("'", "''")}'`;
  const templates = c.prepare('select distinct tpl id, tpl_org org, tpl_grp grp from bench_clone').all() as Array<{
    id: string;
    org: string;
    grp: string | null;
  }>;
  const peopleIn = c
    .prepare(
      'select u.id from users u join instances i on i.id = ? where instr(i.snapshot, u.id) > 0 or instr(i.data, u.id) > 0',
    )
    .pluck();
  const rewrite = (col: string) => {
    const branches = templates.map((t) => {
      let e = col;
      for (const o of new Set([t.org, t.grp].filter((v): v is string => !!v)))
        e = `replace(${e}, ${lit(o)}, ${org(lit(o))})`;
      for (const p of peopleIn.all(t.id) as string[]) e = `replace(${e}, ${lit(p)}, ${person(lit(p))})`;
      return `when ${lit(t.id)} then ${e}`;
    });
    return `case k.tpl ${branches.join(' ')} else ${col} end`;
  };
  // A clone ten years back is about ten years back: its activity date moves with it, and the year in its
  // round or cycle becomes the year it was created in — else every year's requests, inspections and
  // assessments would crowd into today's period and a report of one period would read the whole city.
  const year = (v: string) => `replace(${v}, strftime('%Y', x.created_at), strftime('%Y', x.created_at, k.shift))`;
  const isDate = (v: string) => `${v} glob '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*'`;
  const movedField = (json: string, key: string, move: (v: string) => string) =>
    `case when json_type(${json}, '$.${key}') = 'text' then json_set(${json}, '$.${key}', ${move(`json_extract(${json}, '$.${key}')`)}) else ${json} end`;
  const movedData = movedField(
    movedField(
      movedField('x.data', 'activityDate', (v) => `date(${v}, k.shift)`),
      'round',
      year,
    ),
    'cycle',
    year,
  );
  copy('instances', 'join instances x on x.id = k.tpl', {
    id: nid('x.id'),
    data: rewrite(movedData),
    period: `case when x.period is null then null when ${isDate('x.period')} then date(x.period, k.shift) else ${year('x.period')} end`,
    snapshot: rewrite('x.snapshot'),
    subject_org_id: org('x.subject_org_id'),
    subject_group_id: 'case when x.subject_group_id is null then null else k.grp end',
    created_by: person('x.created_by'),
    created_at: shift('x.created_at'),
    updated_at: shift('x.updated_at'),
    due_at: shift('x.due_at'),
  });
  copy('tasks', 'join tasks x on x.instance_id = k.tpl', {
    id: nid('x.id'),
    instance_id: nid('x.instance_id'),
    due_at: shift('x.due_at'),
    created_at: shift('x.created_at'),
    closed_at: shift('x.closed_at'),
    closed_by: person('x.closed_by'),
  });
  copy('task_candidates', 'join tasks t on t.instance_id = k.tpl join task_candidates x on x.task_id = t.id', {
    task_id: nid('x.task_id'),
    user_id: person('x.user_id'),
    org_id: org('x.org_id'),
  });
  copy(
    'instance_participants',
    'join instance_participants x on x.instance_id = k.tpl',
    { instance_id: nid('x.instance_id'), user_id: person('x.user_id') },
    true,
  );
  copy('timers', 'join timers x on x.instance_id = k.tpl', {
    id: nid('x.id'),
    instance_id: nid('x.instance_id'),
    due_at: shift('x.due_at'),
    fired_at: shift('x.fired_at'),
    cancelled_at: shift('x.cancelled_at'),
  });
  copy('notifications', 'join notifications x on x.instance_id = k.tpl', {
    id: nid('x.id'),
    instance_id: nid('x.instance_id'),
    user_id: person('x.user_id'),
    created_at: shift('x.created_at'),
    read_at: shift('x.read_at'),
  });
  copy('attachments', 'join attachments x on x.instance_id = k.tpl', {
    id: nid('x.id'),
    instance_id: nid('x.instance_id'),
    uploaded_by: person('x.uploaded_by'),
    created_at: shift('x.created_at'),
  });
  copy('findings', 'join findings x on x.instance_id = k.tpl join instances i on i.id = k.tpl', {
    id: nid('x.id'),
    instance_id: nid('x.instance_id'),
    school_id: 'k.school',
    round: `replace(x.round, strftime('%Y', i.created_at), strftime('%Y', i.created_at, k.shift))`,
    due_at: shift('x.due_at'),
    created_at: shift('x.created_at'),
    closed_at: shift('x.closed_at'),
    escalated_at: shift('x.escalated_at'),
    rectified_at: shift('x.rectified_at'),
  });
}

const ACTIONS = [
  'instance.event',
  'instance.event',
  'instance.event',
  'instance.start',
  'attachment.upload',
  'auth.login',
  'instance.read',
];

/** Appends `n` events to the live chain (same hash as appendAudit), ten years of activity in time order. */
function appendAuditChain(c: Database.Database, n: number, step: (s: string) => void) {
  if (n <= 0) return;
  const ids = c.prepare('select id from instances order by rowid').pluck().all() as string[];
  const actors = c.prepare('select id, display_name name from users').all() as Array<{ id: string; name: string }>;
  const last = c.prepare('select seq, hash from audit_events order by seq desc limit 1').get() as {
    seq: number;
    hash: string;
  };
  const ins = c.prepare(
    'insert into audit_events (seq, id, at, actor_id, actor_name, action, entity_type, entity_id, outcome, before, after, meta, prev_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const from = Date.now() - 3650 * 86_400_000;
  const span = 3640 * 86_400_000;
  let prev = last.hash;
  let seq = last.seq;
  const batch = 200_000;
  for (let done = 0; done < n; done += batch) {
    c.transaction(() => {
      for (let i = done; i < Math.min(n, done + batch); i++) {
        seq++;
        const actor = actors[i % actors.length];
        const action = ACTIONS[i % ACTIONS.length];
        const event = {
          seq,
          id: crypto.randomUUID(),
          at: new Date(from + Math.floor((i / n) * span)).toISOString(),
          actorId: actor.id,
          actorName: actor.name,
          action,
          entityType: action.startsWith('auth') ? 'User' : action.startsWith('attachment') ? 'Attachment' : 'Instance',
          entityId: action.startsWith('auth') ? actor.id : ids[(i * 7919) % ids.length],
          outcome: 'success' as const,
          before: null,
          after: action === 'instance.event' ? { state: 'next' } : null,
          meta: action === 'instance.event' ? { event: 'SAVE' } : null,
        };
        const hash = hashEvent(prev, event);
        const json = (v: unknown) => (v === null ? null : JSON.stringify(v));
        ins.run(
          seq,
          event.id,
          event.at,
          event.actorId,
          event.actorName,
          event.action,
          event.entityType,
          event.entityId,
          event.outcome,
          null,
          json(event.after),
          json(event.meta),
          prev,
          hash,
        );
        prev = hash;
      }
    })();
    if ((done / batch) % 10 === 9) step(`audit: ${Math.min(n, done + batch)} appended`);
  }
}
