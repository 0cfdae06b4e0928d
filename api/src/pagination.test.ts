import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startInstance } from './features/instances/start-instance.js';
import { type Harness, makeHarness, type Session } from './test/harness.js';

let h: Harness;
let pa: Session;
const started: string[] = [];

beforeAll(async () => {
  h = await makeHarness();
  const definitionId = await h.publish();
  const principal = await h.authUser('principalA');
  for (let i = 0; i < 250; i += 1) {
    // Runs of equal timestamps make the id tie-breaker matter.
    if (i % 7 === 0) h.clock.advance(1000);
    const { body } = await startInstance(h.deps, {
      definitionId,
      subjectOrgId: h.orgs.schoolA,
      data: { title: `报告 ${i}` },
      actor: principal,
    });
    started.push(body.id);
  }
  pa = await h.signIn('principalA');
});
afterAll(() => h.close());

async function walk(path: string, s: Session, limit: number) {
  const seen: string[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const sep = path.includes('?') ? '&' : '?';
    const url = `${path}${sep}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const res = await h.get(url, s);
    expect(res.status).toBe(200);
    const page: { items: Array<{ id: string }>; nextCursor: string | null } = await res.json();
    expect(page.items.length).toBeLessThanOrEqual(limit);
    seen.push(...page.items.map((i) => i.id));
    cursor = page.nextCursor;
    pages += 1;
  } while (cursor && pages < 1000);
  return { seen, pages };
}

describe('keyset pagination', () => {
  it('walks 250 instances with no duplicates and no gaps, newest first', async () => {
    const { seen, pages } = await walk('/api/instances', pa, 17);
    expect(seen).toHaveLength(250);
    expect(new Set(seen).size).toBe(250);
    expect(new Set(seen)).toEqual(new Set(started));
    expect(pages).toBe(Math.ceil(250 / 17));
  });

  it('walks the 250-task inbox by (due, id) with no duplicates and no gaps', async () => {
    const { seen } = await walk('/api/tasks', pa, 100);
    expect(seen).toHaveLength(250);
    expect(new Set(seen).size).toBe(250);
  });

  it('walks the audit log by seq', async () => {
    const auditor = await h.signIn('auditor');
    const { seen } = await walk('/api/audit', auditor, 33);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBeGreaterThanOrEqual(250 + 30);
  });

  it('filters compose with the cursor', async () => {
    const { seen } = await walk('/api/instances?status=running&definitionKey=school-report', pa, 50);
    expect(seen).toHaveLength(250);
    const none = await (await h.get('/api/instances?status=completed', pa)).json();
    expect(none).toEqual({ items: [], nextCursor: null });
  });
});
