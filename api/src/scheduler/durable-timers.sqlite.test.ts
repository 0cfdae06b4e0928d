import { rmSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { closeDb, openDb } from '../db/client.js';
import { makeWorkflowHarness } from '../test/workflow-harness.js';
import { runDueTimers } from './run-due-timers.js';

const DAY = 86_400_000;

describe('durable timers', () => {
  it('a deadline scheduled before a restart fires after it: close the SQLite file, reopen it, run the due timers', async () => {
    const h = await makeWorkflowHarness({ reference: false });
    const started = await (
      await h.start(
        'admin',
        'security-inspection',
        h.orgs.schoolA,
        { round: '重启测试' },
        { inspector: [h.users.inspector] },
      )
    ).json();
    const pending = h.sqlite
      .prepare('select timer_key, due_at from timers where instance_id = ? and fired_at is null')
      .all(started.id);
    expect(pending.length).toBeGreaterThan(0);
    // "Restart": the process's connection goes away; a new one opens the same file.
    closeDb(h.db);
    const db = openDb(join(h.dir, 'test.db'));
    try {
      const later = new Date(h.clock.now().getTime() + 20 * DAY);
      const run = await runDueTimers({ db, clock: () => later }, later);
      expect(run.fired).toBe(pending.length);
      const escalation = db.$client
        .prepare("select purpose, status from tasks where instance_id = ? and purpose = 'escalation'")
        .all(started.id);
      expect(escalation).toEqual([{ purpose: 'escalation', status: 'open' }]);
      expect(
        db.$client.prepare('select count(*) n from timers where instance_id = ? and fired_at is null').get(started.id),
      ).toEqual({ n: 0 });
      // At-least-once with idempotent effects: running again fires nothing more.
      expect((await runDueTimers({ db, clock: () => later }, later)).fired).toBe(0);
    } finally {
      closeDb(db);
      rmSync(h.dir, { recursive: true, force: true });
    }
  });
});
