import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { TEMPLATES } from '@eduflow/workflows';
import { and, count, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import { verifyAuditChain } from '../audit/verify.js';
import { openPostgresDb } from '../db/postgres.js';
import { auditEvents, instances, timers, users } from '../db/schema.js';
import { type Harness, makeHarness, PASSWORD } from '../test/harness.js';
import { createDatabase } from '../test/postgres.js';
import { runCommand, type ServerProcess, startServerProcess } from '../test/server-process.js';

/**
 * A city deployment in miniature (issue 14): two API processes, started as `npm start` starts one, on one
 * PostgreSQL, driven alternately. Each invariant the single SQLite writer used to give for free is raced
 * here across the two: one event wins, the last quota place goes once, a timer fires once, an idempotency
 * key writes once, the audit chain stays one chain, and sign-in state is the database's, not a node's.
 * The harness prepares the district through the use-cases on the same database, so the nodes start on
 * data that exists (they seed nothing).
 */
let h: Harness;
let nodes: ServerProcess[];
let dirs: string[];

type TSession = { node: ServerProcess; headers: Record<string, string> };

async function signIn(node: ServerProcess, username: string, password = PASSWORD): Promise<TSession> {
  const res = await fetch(`${node.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in of ${username} on ${node.url}: ${res.status} ${await res.text()}`);
  const cookies = res.headers.getSetCookie().map((c) => c.split(';')[0] ?? '');
  const csrf = cookies.find((c) => c.startsWith('eduflow_csrf='))?.slice('eduflow_csrf='.length) ?? '';
  return { node, headers: { cookie: cookies.join('; '), 'x-csrf-token': decodeURIComponent(csrf) } };
}

/** The same signed-in session, its requests sent to another node. */
const on = (node: ServerProcess, s: TSession): TSession => ({ node, headers: s.headers });

const send = (s: TSession, method: string, path: string, body?: unknown, extra: Record<string, string> = {}) =>
  fetch(`${s.node.url}/api${path}`, {
    method,
    headers: { ...s.headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...extra },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

async function json<T>(res: Response | Promise<Response>): Promise<T> {
  const r = await res;
  const text = await r.text();
  if (!r.ok) throw new Error(`${r.status} ${text.slice(0, 400)}`);
  return JSON.parse(text) as T;
}

type TStarted = { id: string; version: number; state: string };

beforeAll(async () => {
  h = await makeHarness();
  if (!h.databaseUrl) throw new Error('two-nodes.pg.test.ts runs on PostgreSQL (vitest project api-pg)');
  dirs = [0, 1].map(() => mkdtempSync(join(tmpdir(), 'eduflow-node-')));
  // A one-second timer poll, so the nodes' schedulers race within the test's time.
  const env = { EDUFLOW_DATABASE_URL: h.databaseUrl, EDUFLOW_TIMER_POLL_SECONDS: '1', EDUFLOW_DEMO: '0' };
  nodes = await Promise.all(dirs.map((dir) => startServerProcess(dir, env)));
}, 180_000);

afterAll(async () => {
  await Promise.all((nodes ?? []).map((n) => n.stop()));
  for (const dir of dirs ?? []) rmSync(dir, { recursive: true, force: true });
  await h?.close();
});

describe('two API nodes on one PostgreSQL', () => {
  it('a session signed in on one node is valid on the other; failed sign-ins on both count towards one lockout', async () => {
    const [a, b] = nodes as [ServerProcess, ServerProcess];
    const session = await signIn(a, 'principalA');
    expect((await send(on(b, session), 'GET', '/me')).status).toBe(200);
    // Five wrong passwords, alternating nodes: the fifth locks the account, whichever node it reached.
    const statuses: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      const res = await fetch(`${nodes[i % 2]?.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'principalB', password: 'wrong-password-1' }),
      });
      statuses.push(res.status);
    }
    expect(statuses.slice(0, 4)).toEqual([401, 401, 401, 401]);
    expect(statuses[4]).toBe(423);
    // …and the right password is refused on the other node too while the lock lasts.
    const locked = await fetch(`${b.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'principalB', password: PASSWORD }),
    });
    expect(locked.status).toBe(423);
  });

  it('five wrong passwords sent to both nodes at once still lock the account: no failure is lost', async () => {
    const login = (node: ServerProcess, password: string) =>
      fetch(`${node.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'principalA2', password }),
      });
    const statuses = (
      await Promise.all(Array.from({ length: 5 }, (_, i) => login(nodes[i % 2] as ServerProcess, 'wrong-password-2')))
    ).map((r) => r.status);
    expect(statuses.sort()).toEqual([401, 401, 401, 401, 423]);
    expect((await login(nodes[0] as ServerProcess, PASSWORD)).status).toBe(423);
  });

  it('20 racing events with one expected version, sent to both nodes at once: exactly one wins', async () => {
    const definitionId = await h.publish();
    const pa = await signIn(nodes[0] as ServerProcess, 'principalA');
    const started = await json<TStarted>(
      send(pa, 'POST', '/instances', { definitionId, subjectOrgId: h.orgs.schoolA, data: { title: '两节点并发' } }),
    );
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        send(on(nodes[i % 2] as ServerProcess, pa), 'POST', `/instances/${started.id}/events`, {
          type: 'SUBMIT',
          expectedVersion: started.version,
        }),
      ),
    );
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);
    const successes = await h.db
      .select({ n: count() })
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.entityId, started.id),
          eq(auditEvents.action, 'instance.event'),
          eq(auditEvents.outcome, 'success'),
        ),
      );
    expect(successes[0]?.n).toBe(1);
  });

  it("a school's last recommendation place, raced from both nodes: exactly one is accepted", async () => {
    // The award's quota: three recommendations per school per semester (the template's cap; no rubric published).
    const definitionId = await h.publish(TEMPLATES['teaching-award']);
    const teacher = await signIn(nodes[0] as ServerProcess, 'teacherA');
    const principal = await signIn(nodes[1] as ServerProcess, 'principalA');
    const submissions: TStarted[] = [];
    for (let i = 0; i < 4; i += 1)
      submissions.push(
        await json<TStarted>(
          send(on(nodes[i % 2] as ServerProcess, teacher), 'POST', '/instances', {
            definitionId,
            subjectOrgId: h.orgs.schoolA,
            data: {
              category: 'achievement',
              title: `两节点成果 ${i + 1}`,
              completers: [{ name: '教师甲', unit: '实验小学' }],
              practiceYears: 3,
              summaryReport: '成果总结报告。',
            },
          }),
        ),
      );
    const recommend = (node: ServerProcess, s: TStarted) =>
      send(on(node, principal), 'POST', `/instances/${s.id}/events`, {
        type: 'RECOMMEND',
        expectedVersion: s.version,
      });
    const [first, second, third, fourth] = submissions as [TStarted, TStarted, TStarted, TStarted];
    expect((await recommend(nodes[0] as ServerProcess, first)).status).toBe(200);
    expect((await recommend(nodes[1] as ServerProcess, second)).status).toBe(200);
    // The third place, asked for twice at once on different nodes.
    const raced = await Promise.all([
      recommend(nodes[0] as ServerProcess, third),
      recommend(nodes[1] as ServerProcess, fourth),
    ]);
    expect(raced.map((r) => r.status).sort()).toEqual([200, 409]);
    const refused = raced.find((r) => r.status === 409);
    expect(((await refused?.json()) as { error: unknown }).error).toMatchObject({
      code: 'GUARD_FAILED',
      rule: 'withinCap',
    });
    const states = await h.db
      .select({ state: instances.state })
      .from(instances)
      .where(
        inArray(
          instances.id,
          submissions.map((s) => s.id),
        ),
      );
    expect(states.filter((s) => s.state === 'preliminary')).toHaveLength(3);
  });

  it('one idempotency key sent to both nodes at once starts one instance, and both answer with it', async () => {
    const definitionId = await h.publish();
    const pa = await signIn(nodes[1] as ServerProcess, 'principalA');
    const body = { definitionId, subjectOrgId: h.orgs.schoolA, data: { title: '幂等两节点' } };
    const key = { 'idempotency-key': 'two-nodes-start-0001' };
    const answers = await Promise.all(nodes.map((node) => send(on(node, pa), 'POST', '/instances', body, key)));
    expect(answers.map((r) => r.status)).toEqual([201, 201]);
    const [x, y] = (await Promise.all(answers.map((r) => r.json()))) as [TStarted, TStarted];
    expect(y.id).toBe(x.id);
    const made = await h.db.select({ n: count() }).from(instances).where(eq(instances.definitionId, definitionId));
    expect(made[0]?.n).toBe(1);
  });

  it('due timers, polled every second by both nodes, each fire exactly once', async () => {
    const definitionId = await h.publish();
    const pa = await signIn(nodes[0] as ServerProcess, 'principalA');
    const ids: string[] = [];
    for (let i = 0; i < 8; i += 1)
      ids.push(
        (
          await json<TStarted>(
            send(on(nodes[i % 2] as ServerProcess, pa), 'POST', '/instances', {
              definitionId,
              subjectOrgId: h.orgs.schoolA,
              data: { title: `到期提醒 ${i + 1}` },
            }),
          )
        ).id,
      );
    // Each draft step has a reminder timer a few workdays out; bring them all due now.
    const reminders = and(inArray(timers.instanceId, ids), sql`${timers.event}::text like '%"remind"%'`);
    await h.sql(sql`update timers set due_at = '2000-01-01T00:00:00.000Z' where ${reminders}`);
    const due = await h.db.select({ n: count() }).from(timers).where(reminders);
    expect(due[0]?.n).toBe(8);
    await expect
      .poll(
        async () =>
          (
            await h.db
              .select({ n: count() })
              .from(timers)
              .where(and(reminders, isNotNull(timers.firedAt)))
          )[0]?.n,
        { timeout: 30_000, interval: 500 },
      )
      .toBe(8);
    // One reminder event per instance in the trail, whichever node fired it.
    const fired = await h.db
      .select({ entityId: auditEvents.entityId, n: count() })
      .from(auditEvents)
      .where(and(inArray(auditEvents.entityId, ids), sql`${auditEvents.meta}::text like '%"remind"%'`))
      .groupBy(auditEvents.entityId);
    expect(fired.map((f) => f.n)).toEqual(ids.map(() => 1));
  });

  it('after all of it, the audit trail is one gap-free chain that verifies', async () => {
    const result = await verifyAuditChain(h.db);
    expect(result).toMatchObject({ ok: true });
    const seqs = await h.db.select({ n: count(), max: sql<number>`max(${auditEvents.seq})` }).from(auditEvents);
    expect(seqs[0]?.n).toBe(seqs[0]?.max);
  });
});

describe('two API nodes starting together on an empty PostgreSQL', () => {
  it('migrate and set up the installation once: one set of administrators, one chain that verifies', async () => {
    const url = await createDatabase(inject('testPostgresUrl'), `two_nodes_empty_${process.pid}`);
    const folders = [0, 1].map(() => mkdtempSync(join(tmpdir(), 'eduflow-node-')));
    const started = await Promise.all(
      folders.map((dir) => startServerProcess(dir, { EDUFLOW_DATABASE_URL: url, EDUFLOW_DEMO: '0' })),
    );
    const { db, pool } = openPostgresDb(url, { max: 2 });
    try {
      // 三员: the system, security and audit administrators, made by whichever node started first.
      const accounts = await db.select({ username: users.username }).from(users);
      expect(accounts.map((a) => a.username).sort()).toEqual(['admin', 'auditor', 'secadmin']);
      expect(await verifyAuditChain(db)).toMatchObject({ ok: true });
    } finally {
      await pool.end();
      await Promise.all(started.map((n) => n.stop()));
      for (const dir of folders) rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("SQLite's operator commands on a PostgreSQL deployment", () => {
  it('backup and restore refuse with the tools to use instead, and touch nothing', async () => {
    const env = { EDUFLOW_DATABASE_URL: h.databaseUrl ?? '', EDUFLOW_DATA_DIR: dirs[0] ?? '' };
    const backup = await runCommand('backup', ['--out', join(dirs[0] ?? '', 'backups')], env);
    expect(backup.code).toBe(1);
    expect(backup.stderr).toContain('pg_dump');
    const restore = await runCommand('restore', [join(dirs[0] ?? '', 'backups')], env);
    expect(restore.code).toBe(1);
    expect(restore.stderr).toContain('pg_restore');
  });
});
