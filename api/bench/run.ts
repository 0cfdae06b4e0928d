/**
 * Measures the hot paths on a district-sized database: keyset lists deep into 20,000 instances, the
 * task inbox, firing events, and verifying the whole audit chain. Prints figures; asserts nothing.
 *   npm run bench            (BENCH_INSTANCES=20000 by default)
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createApp, createOrganisation, fireEvent, loadAuthUser, migrate, openDb, startInstance, verifyAuditChain, type Deps } from '../src/index.js';
import { seedDemo } from '@eduflow/seeds';

const N = Number(process.env.BENCH_INSTANCES ?? 20_000);
const PASSWORD = 'bench-Pass-2026';

function stats(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  return `p50 ${q(0.5).toFixed(2)} ms · p95 ${q(0.95).toFixed(2)} ms · max ${s[s.length - 1].toFixed(2)} ms (n=${s.length})`;
}

async function time<T>(fn: () => Promise<T> | T): Promise<[T, number]> {
  const t0 = performance.now();
  const r = await fn();
  return [r, performance.now() - t0];
}

const db = openDb(join(mkdtempSync(join(tmpdir(), 'eduflow-bench-')), 'bench.db'));
migrate(db);
const deps: Deps = { db, clock: () => new Date() };
await seedDemo(deps, { password: PASSWORD });
const q = <T>(sql: string, ...args: unknown[]) => db.$client.prepare(sql).get(...args) as T;
const definitionId = q<{ id: string }>("select id from definitions where key = 'security-inspection' and status = 'published'").id;
const schools = db.$client.prepare("select id from organisations where type = 'school'").all() as Array<{ id: string }>;
const admin = loadAuthUser(deps, q<{ id: string }>("select id from users where username = 'admin'").id)!;
const inspector = loadAuthUser(deps, q<{ id: string }>("select id from users where username = 'inspector1'").id)!;

console.log(`EduFlow benchmark — ${N} instances over ${schools.length} schools (Node ${process.version})`);
const startSamples: number[] = [];
const [, bulkMs] = await time(() => {
  for (let i = 0; i < N; i++) {
    const t0 = performance.now();
    startInstance(deps, {
      actor: admin,
      definitionId,
      subjectOrgId: schools[i % schools.length].id,
      data: { round: `第${Math.floor(i / schools.length) + 1}轮`, items: [] },
      assignments: { inspector: [inspector.id] },
    });
    startSamples.push(performance.now() - t0);
  }
});
console.log(`start instance (one transaction each, audited): ${stats(startSamples)}; ${(N / (bulkMs / 1000)).toFixed(0)} /s`);

const app = createApp({ db });
async function signIn(username: string) {
  const res = await app.request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: PASSWORD }) });
  const cookies = res.headers.getSetCookie().map((c) => c.split(';')[0]);
  return { cookie: cookies.join('; '), csrf: cookies.find((c) => c.startsWith('eduflow_csrf='))?.split('=')[1] ?? '' };
}

async function walk(username: string, path: string, pages: number) {
  const s = await signIn(username);
  const samples: number[] = [];
  let cursor: string | null = null;
  let rows = 0;
  for (let p = 0; p < pages; p++) {
    const url = `${path}${path.includes('?') ? '&' : '?'}limit=50${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const [res, ms] = await time(() => app.request(url, { headers: { cookie: s.cookie } }));
    const body = (await res.json()) as { items: unknown[]; nextCursor: string | null };
    samples.push(ms);
    rows += body.items.length;
    cursor = body.nextCursor;
    if (!cursor) break;
  }
  console.log(`${username.padEnd(10)} GET ${path} ×${samples.length} pages (${rows} rows): ${stats(samples)}`);
}

await walk('admin', '/api/instances', 200);
await walk('principal1', '/api/instances', 50);
await walk('lead1', '/api/instances?state=selfCheck', 50);
await walk('inspector1', '/api/tasks', 100);
await walk('principal1', '/api/tasks', 5);
await walk('auditor', '/api/audit', 200);
await walk('admin', '/api/users', 20);
await walk('principal1', '/api/notifications', 20);
await walk('reviewer', '/api/tasks', 20);

// Issue 4: every sortable column in both orders — unscoped (admin, off an index) and scoped readers.
for (const sort of ['updatedAt', 'createdAt', 'dueAt', 'state']) {
  for (const order of ['asc', 'desc']) {
    await walk('admin', `/api/instances?sort=${sort}&order=${order}`, 100);
    await walk('principal1', `/api/instances?sort=${sort}&order=${order}`, 20);
    await walk('lead1', `/api/instances?sort=${sort}&order=${order}`, 20);
  }
}
// Issue 9: the 公示中 card (running notices, ending soonest first) and ?overdue=1, which must skip notices' ends.
for (const who of ['reviewer', 'teacher1', 'principal1', 'lead1']) await walk(who, '/api/instances?notice=1&sort=dueAt&order=asc', 5);
await walk('reviewer', '/api/instances?notice=1', 5);
for (const sort of ['updatedAt', 'dueAt']) {
  await walk('admin', `/api/instances?overdue=1&sort=${sort}`, 20);
  await walk('principal1', `/api/instances?overdue=1&sort=${sort}`, 5);
}
for (const path of ['/api/tasks?sort=dueAt&order=desc', '/api/tasks?sort=createdAt&order=asc', '/api/tasks?sort=createdAt&order=desc']) await walk('principal1', path, 5);
for (const sort of ['displayName', 'createdAt']) for (const order of ['asc', 'desc']) await walk('admin', `/api/users?sort=${sort}&order=${order}`, 20);

const principal = loadAuthUser(deps, q<{ id: string }>("select id from users where username = 'principal1'").id)!;
const mine = db.$client.prepare("select id, version from instances where subject_org_id = (select org_id from role_grants where user_id = ? and role = 'principal') and state = 'selfCheck' limit 200").all(principal.id) as Array<{ id: string; version: number }>;
const eventSamples: number[] = [];
for (const row of mine) {
  const [, ms] = await time(() => fireEvent(deps, { actor: principal, instanceId: row.id, event: { type: 'SAVE', data: { selfCheckNotes: '暂存' } }, expectedVersion: row.version }));
  eventSamples.push(ms);
}
console.log(`fire event (SAVE, one transaction with snapshot, tasks and audit): ${stats(eventSamples)}`);

const auditRows = q<{ n: number }>('select count(*) n from audit_events').n;
const [verified, verifyMs] = await time(() => verifyAuditChain(db));
console.log(`verify audit chain: ${auditRows} events in ${verifyMs.toFixed(0)} ms (${((auditRows / verifyMs) * 1000).toFixed(0)} events/s) → ${JSON.stringify(verified).slice(0, 80)}`);

// Issue 3: one bulk action opening an inspection round for 200 schools, then the workflow reports.
const group = q<{ id: string }>("select id from organisations where type = 'group' limit 1").id;
const bulkSchools = Array.from({ length: 200 }, (_, i) => createOrganisation(deps, { type: 'school', name: `压测学校${i + 1}`, parentId: group }).id);
const adminSession = await signIn('admin');
const [bulkRes, bulk200Ms] = await time(() =>
  app.request('/api/bulk/instances', {
    method: 'POST',
    headers: { cookie: adminSession.cookie, 'x-csrf-token': adminSession.csrf, 'content-type': 'application/json' },
    body: JSON.stringify({ definitionId, subjectOrgIds: bulkSchools, data: { round: '压测批次' }, assignments: { inspector: [inspector.id] } }),
  }),
);
const bulkBody = (await bulkRes.json()) as { started: unknown[]; failed: unknown[] };
console.log(`POST /api/bulk/instances for 200 schools: ${bulk200Ms.toFixed(0)} ms (${bulkBody.started.length} started, ${bulkBody.failed.length} failed)`);
for (const path of ['/api/reports/security-inspection', '/api/reports/bundled-assessment?cycle=2026', '/api/reports/campus-entry?semester=2026-autumn', '/api/reports/teaching-award?year=2026']) {
  for (const who of ['reviewer', 'principal1']) {
    const s = await signIn(who);
    const samples: number[] = [];
    for (let i = 0; i < 20; i++) samples.push((await time(() => app.request(path, { headers: { cookie: s.cookie } })))[1]);
    console.log(`${who.padEnd(10)} GET ${path}: ${stats(samples)}`);
  }
}
