import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { tx } from '../db/client.js';
import { type Harness, makeHarness } from '../test/harness.js';
import { testEvent } from '../test/test-event.js';
import { verifyAuditChain } from './verify.js';

// Issue 14: on PostgreSQL the chain's head is an advisory lock held to the commit. Taken when a use-case
// said its event, every other node's writes queued behind the rest of that use-case; taken at the commit,
// they queue only behind its inserts.
let h: Harness;
beforeAll(async () => {
  h = await makeHarness();
});
afterAll(() => h.close());

const event = (action: string) => testEvent(h, action);

describe('the audit chain’s lock on PostgreSQL', () => {
  it('is not held while a use-case that said an event goes on: another transaction appends and commits meanwhile', async () => {
    let finish!: () => void;
    const slow = tx(h.db, async () => {
      await event('test.slow');
      await new Promise<void>((resolve) => (finish = resolve)); // the rest of a long use-case
    });
    const quick = tx(h.db, () => event('test.quick')).then(() => 'committed');
    const waited = await Promise.race([quick, new Promise((r) => setTimeout(() => r('still waiting'), 2_000))]);
    finish();
    await slow;
    expect(waited).toBe('committed');
    expect((await verifyAuditChain(h.db)).ok).toBe(true);
  });
});
