import { and, count, eq, inArray, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { auditEvents, timers } from '../db/schema.js';
import { type Harness, makeHarness } from '../test/harness.js';
import { runDueTimers } from './run-due-timers.js';

const DAY = 86_400_000;
let h: Harness;
let ids: string[];

beforeAll(async () => {
  h = await makeHarness();
  const definitionId = await h.publish();
  const pa = await h.signIn('principalA');
  ids = [];
  for (let i = 0; i < 30; i += 1) {
    const res = await h.post(
      '/api/instances',
      { definitionId, subjectOrgId: h.orgs.schoolA, data: { title: `到期 ${i}` } },
      pa,
    );
    ids.push(((await res.json()) as { id: string }).id);
  }
});
afterAll(() => h.close());

describe('due timers on two nodes (PostgreSQL)', () => {
  it('two schedulers running at once over the same due timers fire each exactly once, neither waiting on the other', async () => {
    const other = h.openOther();
    try {
      const due = await h.db
        .select({ n: count() })
        .from(timers)
        .where(and(inArray(timers.instanceId, ids), isNull(timers.firedAt)));
      const later = new Date(h.clock.now().getTime() + 20 * DAY);
      // Both see the same due list, in the same order, at the same moment: each timer is claimed by one.
      const runs = await Promise.all(
        [h.db, other.db].map((db) => runDueTimers({ ...h.deps, db, clock: () => later }, later, { sliceMs: 0 })),
      );
      expect(runs.reduce((n, r) => n + r.fired + r.refused, 0)).toBe(due[0]?.n);
      expect(runs.every((r) => r.fired > 0)).toBe(true);
      const timerEvents = await h.db
        .select({ n: count() })
        .from(auditEvents)
        .where(and(inArray(auditEvents.entityId, ids), eq(auditEvents.action, 'instance.event')));
      expect(timerEvents[0]?.n).toBe(due[0]?.n);
    } finally {
      await other.close();
    }
  });
});
