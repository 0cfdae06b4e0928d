/**
 * The reference the real event route is measured against: the same work in its plainest form on a copy
 * of the same database — load the instance row, a CASL check (one rule), an XState v5 transition of a
 * tiny machine, a version-checked UPDATE and a hash-chained audit INSERT, in one BEGIN IMMEDIATE
 * transaction with prepared statements and no ORM. GET /const is the ceiling: constant JSON.
 *   BARE_DB=<file> BARE_PORT=<port> tsx api/bench/bare-endpoint.ts
 */
import { createHash, randomUUID } from 'node:crypto';

import { createMongoAbility, subject } from '@casl/ability';
import { serve } from '@hono/node-server';
import Database from 'better-sqlite3';
import { Hono } from 'hono';
import { assign, createMachine, transition } from 'xstate';

const db = new Database(process.env.BARE_DB ?? 'eduflow.db');
db.pragma('journal_mode = WAL');
db.pragma('foreign_keys = ON');
db.pragma('busy_timeout = 5000');
db.pragma('synchronous = NORMAL');

const loadRow = db.prepare<
  [string],
  { id: string; subject_org_id: string; data: string; snapshot: string; version: number }
>('select id, subject_org_id, data, snapshot, version from instances where id = ?');
const grantOf = db.prepare<[string], { org_id: string }>(
  "select org_id from role_grants where user_id = ? and role = 'principal'",
);
const updateRow = db.prepare(
  'update instances set data = ?, snapshot = ?, version = ?, updated_at = ? where id = ? and version = ?',
);
const chainHead = db.prepare<[], { seq: number; hash: string }>(
  'select seq, hash from audit_events order by seq desc limit 1',
);
const insertAudit = db.prepare(
  `insert into audit_events (seq, id, at, actor_id, actor_name, action, entity_type, entity_id, outcome, before, after, meta, prev_hash, hash)
   values (?, ?, ?, ?, null, 'instance.event', 'Instance', ?, 'success', ?, ?, ?, ?, ?)`,
);

const machine = createMachine({
  id: 'draft',
  initial: 'editing',
  context: { saves: 0 },
  states: {
    editing: { on: { SAVE: { actions: assign({ saves: ({ context }) => context.saves + 1 }) }, SUBMIT: 'submitted' } },
    submitted: { type: 'final' },
  },
});

type TEventBody = { type: 'SAVE' | 'SUBMIT'; data?: Record<string, unknown>; expectedVersion: number };
type TOutcome = { status: 200; body: { id: string; state: string; version: number } } | { status: 403 | 404 | 409 };

const fire = db.transaction((id: string, userId: string, event: TEventBody): TOutcome => {
  const row = loadRow.get(id);
  if (!row) return { status: 404 };
  const org = grantOf.get(userId)?.org_id ?? null;
  const ability = createMongoAbility([{ action: 'act', subject: 'Instance', conditions: { subjectOrgId: org } }]);
  if (!ability.can('act', subject('Instance', { subjectOrgId: row.subject_org_id }))) return { status: 403 };
  if (row.version !== event.expectedVersion) return { status: 409 };
  const data = JSON.parse(row.data) as Record<string, unknown>;
  const [next] = transition(
    machine,
    machine.resolveState({ value: 'editing', context: { saves: Number(data.saves ?? 0) } }),
    { type: event.type },
  );
  const nextData = { ...data, ...event.data, saves: next.context.saves };
  const at = new Date().toISOString();
  const version = row.version + 1;
  if (
    updateRow.run(JSON.stringify(nextData), JSON.stringify(JSON.parse(row.snapshot)), version, at, id, row.version)
      .changes !== 1
  )
    return { status: 409 };
  const head = chainHead.get()!;
  const audit = {
    seq: head.seq + 1,
    id: randomUUID(),
    at,
    actorId: userId,
    entityId: id,
    before: { version: row.version },
    after: { state: String(next.value), version },
    meta: { type: event.type },
  };
  const hash = createHash('sha256')
    .update(`${head.hash}\n${JSON.stringify(audit)}`)
    .digest('hex');
  insertAudit.run(
    audit.seq,
    audit.id,
    at,
    userId,
    id,
    JSON.stringify(audit.before),
    JSON.stringify(audit.after),
    JSON.stringify(audit.meta),
    head.hash,
    hash,
  );
  return { status: 200, body: { id, state: String(next.value), version } };
});

const app = new Hono();
app.get('/health', (c) => c.json({ status: 'ok' }));
app.get('/const', (c) => c.json({ status: 'ok', name: 'EduFlow', items: [1, 2, 3] }));
app.post('/events/:id', async (c) => {
  const event = await c.req.json<TEventBody>();
  const outcome = fire.immediate(c.req.param('id'), c.req.header('x-user') ?? '', event);
  return outcome.status === 200 ? c.json(outcome.body, 200) : c.json({ code: outcome.status }, outcome.status);
});

serve({ fetch: app.fetch, port: Number(process.env.BARE_PORT ?? 8788) }, (info) =>
  console.log(`bare endpoint on ${info.port}`),
);
process.once('SIGTERM', () => {
  db.close();
  process.exit(0);
});
