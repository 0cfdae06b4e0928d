import Database from 'better-sqlite3';
import { fireEvent, loadAuthUser, openDb, type Deps } from '../src/index.js';
const stats = new Map<string, { n: number; ms: number }>();
for (const m of ['run', 'get', 'all', 'iterate'] as const) {
  const orig = (Database as any).prototype.prepare;
  void orig;
}
const file = process.argv[2];
const db = openDb(file);
if (process.argv[3] === 'analyze') db.$client.exec('analyze');
const origPrepare = db.$client.prepare.bind(db.$client);
(db.$client as any).prepare = (sql: string) => {
  const st = origPrepare(sql); if ((st as any).__w) return st; (st as any).__w = 1;
  for (const m of ['run', 'get', 'all']) {
    const f = (st as any)[m]; if (typeof f !== 'function') continue;
    (st as any)[m] = function (...a: unknown[]) { const t = performance.now(); const r = f.apply(this === (st as any) ? st : this, a); const s = stats.get(sql) ?? { n: 0, ms: 0 }; s.n++; s.ms += performance.now() - t; stats.set(sql, s); return r; };
  }
  return st;
};
const deps: Deps = { db, clock: () => new Date() };
const rows = db.$client.prepare(`select i.id, i.version, g.user_id uid from instances i join definitions d on d.id = i.definition_id join role_grants g on g.org_id = i.subject_org_id and g.role = 'principal' where d.key = 'security-inspection' and i.state = 'selfCheck' limit 400`).all() as any[];
const t0 = performance.now(); let ok = 0;
for (const r of rows) { try { fireEvent(deps, { actor: loadAuthUser(deps, r.uid)!, instanceId: r.id, event: { type: 'SAVE', data: { selfCheckNotes: '暂存' } } as any, expectedVersion: r.version }); ok++; } catch (e) { if (ok === 0) console.log((e as Error).stack?.split("\n").slice(0,8).join("\n")); } }
const total = performance.now() - t0;
console.log(`${ok}/${rows.length} events, ${(total / rows.length).toFixed(2)} ms/event`);
const list = [...stats].sort((a, b) => b[1].ms - a[1].ms);
console.log('statements per event', (list.reduce((s, [, v]) => s + v.n, 0) / rows.length).toFixed(1));
for (const [sql, s] of list.slice(0, 25)) console.log(`${(s.ms / rows.length).toFixed(3)} ms/ev  n=${s.n}  ${sql.replace(/\s+/g, ' ').slice(0, 230)}`);
