import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startInstance } from '../features/instances/start-instance.js';
import { type Harness, makeHarness } from '../test/harness.js';
import { storageBreakdown, storageTable } from './storage-breakdown.js';

let h: Harness;
beforeAll(async () => {
  h = await makeHarness();
  const definitionId = await h.publish();
  for (let i = 0; i < 3; i += 1)
    await startInstance(h.deps, {
      actor: await h.authUser('principalA'),
      definitionId,
      subjectOrgId: h.orgs.schoolA,
      data: { title: `报告${i}` },
    });
});
afterAll(() => h.close());

describe('npm run db:storage (issue 11)', () => {
  it('accounts for every page in use, per table and per index, with the instances to divide by', () => {
    const b = storageBreakdown(h.db);
    expect(b.instances).toBe(3);
    const inUse = b.items.reduce((s, i) => s + i.bytes, 0);
    expect(inUse).toBe(b.fileBytes - b.freeBytes);
    expect(b.items.find((i) => i.name === 'instances')).toMatchObject({
      kind: 'table',
      table: 'instances',
      entries: 3,
    });
    expect(b.items.find((i) => i.name === 'tasks_instance_key_uq')).toMatchObject({ kind: 'index', table: 'tasks' });
    const table = storageTable(b);
    expect(table).toMatch(/\| \*\*instances\*\* \| \*\*\d+\*\* \|/);
    expect(table).toContain('| · tasks_instance_key_uq |');
  });
});
