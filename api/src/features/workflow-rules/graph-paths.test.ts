import { outgoing, parseDefinition, TEMPLATES } from '@eduflow/workflows';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { runDueTimers } from '../../scheduler/run-due-timers.js';
import { SCRIPTS } from '../../test/graph-scripts.js';
import { makeWorkflowHarness, type WorkflowHarness } from '../../test/workflow-harness.js';

type Edge = { from: string; event: string; to: string; validate?: boolean };
const DAY = 86_400_000;

/** Every edge of a definition and, by breadth-first search from the initial state, the shortest edge path to each state. */
function graph(key: string) {
  const parsed = parseDefinition(TEMPLATES[key]);
  if (!parsed.ok) throw new Error(`${key} does not parse`);
  const def = parsed.definition;
  const edges: Edge[] = Object.entries(def.states).flatMap(([from, s]) =>
    outgoing(s).map((o) => ({ from, event: o.event, to: o.to, validate: o.transition?.validate })),
  );
  const paths = new Map<string, Edge[]>([[def.initial, []]]);
  const queue = [def.initial];
  while (queue.length) {
    const at = queue.shift()!;
    for (const e of edges.filter((x) => x.from === at && !paths.has(x.to))) {
      paths.set(e.to, [...paths.get(at)!, e]);
      queue.push(e.to);
    }
  }
  const events = [...new Set(edges.map((e) => e.event).filter((e) => e !== 'AUTO' && e !== 'TIMER'))];
  return { def, edges, paths, events };
}

describe.each(Object.keys(TEMPLATES))('%s: every state and transition through the API', (key) => {
  let h: WorkflowHarness;
  // Without reference data: the graph, not the domain rules, is under test here (those have their own tests).
  beforeAll(async () => {
    h = await makeWorkflowHarness({ reference: false });
  });
  afterAll(() => h.close());
  const script = SCRIPTS[key];
  const { def, edges, paths, events } = graph(key);

  async function startFor(first?: Edge): Promise<string> {
    // Caps and quotas count per semester: each run starts half a year later, so runs do not use each other's quota up.
    h.clock.advance(200 * DAY);
    const target = first?.event === 'AUTO' ? first.to : undefined;
    const res = await h.start(
      script.starter,
      key,
      script.subject(h),
      script.startData(h, target),
      script.assignments?.(h),
    );
    expect(res.status, JSON.stringify(await res.clone().json())).toBe(201);
    return (await res.json()).id;
  }

  async function fireEdge(id: string, e: Edge, target?: string) {
    if (e.event === 'AUTO') return;
    if (e.event === 'TIMER') {
      h.clock.advance(40 * DAY);
      await runDueTimers(h.deps);
      return;
    }
    const parts = script.parts?.[e.from];
    if (parts && (e.event === 'SUBMIT_PART' || e.validate !== false)) {
      const current = await h.view(id);
      for (const who of parts.who(h, current.data)) {
        const r = await h.fire(id, who, 'SUBMIT_PART', {
          data: typeof parts.data === 'function' ? parts.data(target) : parts.data,
        });
        expect(r.status, `${e.from} SUBMIT_PART by ${who}: ${JSON.stringify(await r.clone().json())}`).toBe(200);
      }
      if (e.event === 'SUBMIT_PART') return;
    }
    const act = script.acts[e.from]?.[e.event];
    if (!act) throw new Error(`no script for ${key} ${e.from} --${e.event}-->`);
    const r = act.fire
      ? await act.fire(h, id)
      : await h.fire(id, act.who, e.event, { data: act.data, comment: act.comment });
    expect(r.status, `${e.from} --${e.event}--> by ${act.who}: ${JSON.stringify(await r.clone().json())}`).toBe(200);
  }

  async function reach(state: string): Promise<string> {
    const path = paths.get(state)!;
    const id = await startFor(path[0]);
    // Parts submitted on the way are the ones that make any automatic step on the path choose it.
    const target = path.filter((e) => e.event === 'AUTO').at(-1)?.to;
    for (const e of path) await fireEdge(id, e, target);
    expect((await h.view(id)).state).toBe(state);
    return id;
  }

  /** Runs the path into an automatic state with the parts that make it choose `target` (it decides on arrival). */
  async function through(auto: string, target: string): Promise<string> {
    const path = paths.get(auto)!;
    const id = await startFor(path[0]);
    for (const e of path) await fireEdge(id, e, target);
    return id;
  }

  const counts = async (id: string) => ({
    version: (await h.sql(sql`select version from instances where id = ${id}`))[0],
    tasks: await h.sql(sql`select task_key, status, due_at from tasks where instance_id = ${id} order by task_key`),
    timers: await h.sql(
      sql`select timer_key, fired_at, cancelled_at from timers where instance_id = ${id} order by timer_key`,
    ),
    audit: (await h.sql(sql`select outcome from audit_events where entity_id = ${id} order by seq`)) as Array<{
      outcome: string;
    }>,
  });

  it('reaches every state', () => {
    expect([...paths.keys()].sort()).toEqual(Object.keys(def.states).sort());
  });

  it.each(edges.map((e) => [`${e.from} --${e.event}--> ${e.to}`, e] as const))('%s', async (_name, e) => {
    // An automatic state never rests: starting with the data that picks this choice is the edge.
    const auto = def.states[e.from].kind === 'auto';
    const id =
      auto && e.from === def.initial ? await startFor(e) : auto ? await through(e.from, e.to) : await reach(e.from);
    await fireEdge(id, e);
    const view = await h.view(id);
    // An automatic target decides at once: the instance went through it and rests where it chose.
    if (def.states[e.to].kind === 'auto')
      expect(view.states.find((s: { id: string }) => s.id === e.to)).toMatchObject({ visited: true, current: false });
    else expect(view.state).toBe(e.to);
  });

  it.each(Object.keys(def.states).filter((s) => def.states[s].kind !== 'auto'))(
    'in %s, every event the state does not allow answers 409 and writes nothing but a denied audit row',
    async (state) => {
      const id = await reach(state);
      const allowed = new Set(edges.filter((x) => x.from === state).map((x) => x.event));
      if (def.states[state].kind === 'collect') allowed.add('SUBMIT_PART');
      for (const event of events.filter((x) => !allowed.has(x))) {
        const before = await counts(id);
        const current = await h.view(id);
        const r = await h.post(
          `/api/instances/${id}/events`,
          { type: event, comment: '越权尝试', expectedVersion: current.version },
          await h.as('reviewer1'),
        );
        expect(r.status, `${state} ${event}`).toBe(409);
        expect((await r.json()).error.code).toBe('EVENT_NOT_ALLOWED');
        const after = await counts(id);
        expect({ ...after, audit: after.audit.slice(0, -1) }).toEqual(before);
        expect(after.audit.at(-1)).toEqual({ outcome: 'denied' });
      }
    },
  );
});
