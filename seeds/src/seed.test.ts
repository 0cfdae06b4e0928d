import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApp, migrate, openDb, verifyAuditChain, type Deps } from '@eduflow/api';
import { seedDemo } from './index.js';

describe('demo seed', () => {
  it('builds the district through the use-cases, with instances in every state and an intact audit chain', async () => {
    const db = openDb(join(mkdtempSync(join(tmpdir(), 'eduflow-seed-')), 'seed.db'));
    migrate(db);
    const deps: Deps = { db, clock: () => new Date('2026-11-23T02:00:00Z') };
    const summary = await seedDemo(deps, { password: 'demo-Pass-2026' });
    expect(summary).toMatchObject({ groups: 17, schools: 54 });
    const app = createApp(deps);
    const login = await app.request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'principal1', password: 'demo-Pass-2026' }) });
    expect(login.status).toBe(200);
    const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const tasks = (await (await app.request('/api/tasks', { headers: { cookie } })).json()) as { items: Array<{ state: string; subjectName: string }> };
    expect(tasks.items).toEqual([expect.objectContaining({ state: 'selfCheck', subjectName: '西永中学' })]);
    const states = db.$client.prepare('select state, count(*) n from instances group by state order by state').all();
    expect(states.map((r) => (r as { state: string }).state)).toEqual(['closed', 'inspection', 'rectification', 'selfCheck', 'verification']);
    expect(verifyAuditChain(db)).toMatchObject({ ok: true });
  });
});
