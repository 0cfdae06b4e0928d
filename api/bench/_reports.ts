import { createApp, openDb } from '../src/index.js';
import { migrate } from '../src/db/migrate.js';
const db = openDb(process.argv[2]); migrate(db);
if (process.argv[3] === 'optimize') { db.$client.pragma('analysis_limit=1000'); db.$client.pragma('optimize=0x10002'); }
const app = createApp({ db });
async function signIn(username: string) {
  const res = await app.request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: 'bench-Pass-2026' }) });
  const cookies = res.headers.getSetCookie().map((c) => c.split(';')[0]);
  if (res.status !== 200) console.log(username, res.status, await res.text());
  return cookies.join('; ');
}
const paths = process.argv.slice(4).length ? process.argv.slice(4) : ['/api/reports/overview', '/api/reports/security-inspection', '/api/reports/bundled-assessment', '/api/reports/campus-entry', '/api/reports/teaching-award', '/api/instances?limit=20', '/api/tasks?limit=20', '/api/notifications?limit=20'];
for (const who of ['reviewer', 'principal1', 'lead1', 'teacher1', 'inspector1', 'expert1', 'dept1']) {
  const cookie = await signIn(who);
  for (const path of paths) {
    const t: number[] = [];
    let status = 0;
    for (let i = 0; i < 7; i++) { const t0 = performance.now(); const r = await app.request(path, { headers: { cookie } }); status = r.status; await r.text(); t.push(performance.now() - t0); }
    t.sort((a, b) => a - b);
    console.log(`${who.padEnd(11)} ${path.padEnd(40)} ${status} p50 ${t[3].toFixed(1)} ms  max ${t[6].toFixed(1)}`);
  }
}
