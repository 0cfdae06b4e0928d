import { drizzle } from 'drizzle-orm/better-sqlite3';
import * as schema from '../src/db/schema.js';
import { defineAbilityFor, loadAuthUser, openDb, type Db } from '../src/index.js';
import { migrate } from '../src/db/migrate.js';
import { securityReport } from '../src/features/reports/security-report.js';
import { assessmentReport } from '../src/features/reports/assessment-report.js';
import { campusEntryReport } from '../src/features/reports/campus-entry-report.js';
const base = openDb(process.argv[2]); migrate(base);
base.$client.pragma('analysis_limit=1000'); base.$client.pragma('optimize=0x10002');
const sent: Array<{ sql: string; params: unknown[] }> = [];
const db = drizzle(base.$client, { schema, logger: { logQuery: (sql, params) => sent.push({ sql, params }) } }) as unknown as Db;
const deps = { db, clock: () => new Date() };
const user = loadAuthUser(deps, (base.$client.prepare("select id from users where username = ?").get(process.argv[3] ?? 'reviewer') as { id: string }).id)!;
const ability = defineAbilityFor(user);
const which = process.argv[4] ?? 'security';
const run = () => which === 'security' ? securityReport(deps as never, { user, ability } as never) : which === 'assessment' ? assessmentReport(deps as never, { user, ability } as never) : campusEntryReport(deps as never, { user, ability } as never);
run(); sent.length = 0;
const t0 = performance.now(); run(); console.log(which, (performance.now() - t0).toFixed(1), 'ms');
for (const q of sent) {
  const t = performance.now(); base.$client.prepare(q.sql).all(...(q.params as never[])); const ms = performance.now() - t;
  console.log(ms.toFixed(1), 'ms', q.sql.replace(/\s+/g, ' ').slice(0, 300));
  for (const r of base.$client.prepare(`explain query plan ${q.sql}`).all(...(q.params as never[])) as Array<{ detail: string }>) console.log('   ', r.detail);
}
