import { createOrganisation, loadAuthUser, openDb, startBulk, type Deps } from '../src/index.js';
import { migrate } from '../src/db/migrate.js';
const db = openDb(process.argv[2]); migrate(db);
const stats = new Map<string, { n: number; ms: number }>();
const origPrepare = db.$client.prepare.bind(db.$client);
(db.$client as any).prepare = (sql: string) => {
  const st = origPrepare(sql); if ((st as any).__w) return st; (st as any).__w = 1;
  for (const m of ['run', 'get', 'all']) { const f = (st as any)[m];
    (st as any)[m] = function (...a: unknown[]) { const t = performance.now(); const r = f.apply(st, a); const s = stats.get(sql) ?? { n: 0, ms: 0 }; s.n++; s.ms += performance.now() - t; stats.set(sql, s); return r; }; }
  return st;
};
const deps: Deps = { db, clock: () => new Date() };
const q = <T>(s: string) => db.$client.prepare(s).get() as T;
const admin = loadAuthUser(deps, q<{ id: string }>("select id from users where username = 'admin'").id)!;
const inspector = q<{ id: string }>("select id from users where username = 'inspector1'").id;
const definitionId = q<{ id: string }>("select id from definitions where key = 'security-inspection' and status = 'published'").id;
const group = q<{ id: string }>("select id from organisations where type = 'group' limit 1").id;
const schools = Array.from({ length: 200 }, (_, i) => createOrganisation(deps, { type: 'school', name: `压测学校X${i + 1}`, parentId: group }).id);
for (const round of [1, 2, 3]) {
const schools = Array.from({ length: 200 }, (_, i) => createOrganisation(deps, { type: 'school', name: `压测学校R${round}-${i + 1}`, parentId: group }).id);
const t0 = performance.now();
const r = await startBulk(deps, { definitionId, subjectOrgIds: schools, data: { round: '压测批次' }, assignments: { inspector: [inspector] }, actor: admin } as any);
console.log('bulk 200', (performance.now() - t0).toFixed(0), 'ms', r.started.length, r.failed.length, r.failed[0]);
}
for (const [sql, v] of [...stats].sort((a, b) => b[1].ms - a[1].ms).slice(0, 12)) console.log(v.ms.toFixed(0), 'ms', v.n, sql.replace(/\s+/g, ' ').slice(0, 200));
