import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { tx } from '../../db/client.js';
import { type Harness, makeHarness } from '../../test/harness.js';
import { addParticipants, participantRows } from './instance-subject.js';
import { startInstance } from './start-instance.js';

// Issue 11: an event's people are usually all recorded already; then nothing is checked or written.
let h: Harness;
let instanceId = '';
beforeAll(async () => {
  h = await makeHarness();
  const definitionId = await h.publish();
  instanceId = (
    await startInstance(h.deps, {
      actor: await h.authUser('principalA'),
      definitionId,
      subjectOrgId: h.orgs.schoolA,
      data: { title: '自查' },
    })
  ).body.id;
});
afterAll(() => h.close());

describe('addParticipants', () => {
  it('records a new person once, and on the next event neither looks the person up nor writes', async () => {
    const teacher = { userId: h.users.teacherA ?? '', role: 'candidate' };
    const client = h.sqlite;
    const prepare = client.prepare.bind(client);
    const sent: string[] = [];
    client.prepare = ((source: string) => (sent.push(source), prepare(source))) as typeof client.prepare;
    try {
      await tx(h.db, () => addParticipants(h.deps, instanceId, [teacher]));
      expect(sent.some((s) => s.startsWith('insert into "instance_participants"'))).toBe(true);
      sent.length = 0;
      const rows = await tx(h.db, () => addParticipants(h.deps, instanceId, [teacher, teacher]));
      expect(sent.filter((s) => s.startsWith('insert') || s.includes('from "users"'))).toEqual([]);
      expect(rows).toEqual(await participantRows(h.deps, instanceId));
      expect(rows.filter((r) => r.userId === teacher.userId && r.role === 'candidate')).toHaveLength(1);
    } finally {
      client.prepare = prepare;
    }
  });
});
