import { getTableColumns, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { dialectOf } from '../../db/client.js';
import { instances } from '../../db/schema.js';
import { type Harness, makeHarness, type Session } from '../../test/harness.js';
import type { TInstanceListItem } from '../instances/instances.types.js';
import { startInstance } from '../instances/start-instance.js';
import { INSTANCE_COLUMNS } from './export-columns.js';
import { keysetPages, xlsxStream } from './xlsx-writer.js';

let h: Harness;
let admin: Session;
beforeAll(async () => {
  h = await makeHarness();
  const definitionId = await h.publish();
  const pa = await h.authUser('principalA');
  const pb = await h.authUser('principalB');
  // More rows than one export read (200), from two schools, some moved on, so pages, order and values all show.
  for (let i = 0; i < 450; i += 1) {
    h.clock.advance(60_000);
    await startInstance(h.deps, {
      actor: i % 3 ? pa : pb,
      definitionId,
      subjectOrgId: i % 3 ? h.orgs.schoolA : h.orgs.schoolB,
      data: { title: `第${i}号` },
    });
  }
  admin = await h.signIn('admin');
});
afterAll(() => h.close());

async function rowsOf(body: ArrayBuffer | ReadableStream): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body instanceof ArrayBuffer ? body : await new Response(body).arrayBuffer());
  const sheet = wb.worksheets[0];
  if (!sheet) throw new Error('no sheet');
  const rows: unknown[][] = [];
  sheet.eachRow((row, n) => {
    if (n > 2) rows.push((row.values as unknown[]).slice(1));
  });
  return rows;
}

/** The instance list as the console walks it, page by page. */
async function listed(query: string, s: Session): Promise<TInstanceListItem[]> {
  const items: TInstanceListItem[] = [];
  let cursor: string | null = null;
  do {
    const res = await h.get(
      `/api/instances?limit=100${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      s,
    );
    const page = (await res.json()) as { items: TInstanceListItem[]; nextCursor: string | null };
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

// Issue 11: the export streams keyset reads of the list's own use-case; what it writes is the list.
describe('a streamed export', () => {
  it('holds exactly the rows of the list, in its order, with the values the columns show', async () => {
    for (const [query, who] of [
      ['', admin],
      [`&orgId=${h.orgs.schoolB}`, admin],
      ['&sort=createdAt&order=asc', admin],
      ['', await h.signIn('principalB')],
    ] as const) {
      const res = await h.get(`/api/exports/instances.xlsx?${query.slice(1)}`, who);
      expect(res.status).toBe(200);
      const rows = await rowsOf(await res.arrayBuffer());
      const list = await listed(query, who);
      expect(list.length).toBeGreaterThan(100);
      // exceljs reads an empty string cell back as no cell at all.
      expect(rows).toEqual(
        list.map((item) => INSTANCE_COLUMNS.map((c) => c.value(item)).map((v) => (v === '' ? undefined : v))),
      );
    }
  });

  it('exports a creation window without a chosen order newest-created first, as the list sorted so', async () => {
    const from = new Date(h.clock.now().getTime() - 200 * 60_000).toISOString();
    // The window's oldest requests were worked on last, so last activity and creation order differ.
    await h.sql(
      sql`update instances set updated_at = ${new Date(h.clock.now().getTime() + 3_600_000).toISOString()} where id in (select id from instances where created_at >= ${from} order by created_at limit 5)`,
    );
    const res = await h.get(`/api/exports/instances.xlsx?from=${encodeURIComponent(from)}`, admin);
    expect(res.status).toBe(200);
    const rows = await rowsOf(await res.arrayBuffer());
    const list = await listed(`&from=${encodeURIComponent(from)}&sort=createdAt&order=desc`, admin);
    expect(list.length).toBeGreaterThan(100);
    expect(rows).toEqual(
      list.map((item) => INSTANCE_COLUMNS.map((c) => c.value(item)).map((v) => (v === '' ? undefined : v))),
    );
  });

  it('lets other requests through while it runs', async () => {
    // Enough rows for many pages: copies of the started instances.
    const columns = Object.values(getTableColumns(instances)).map((c) => c.name);
    // Each round copies every row under a new id (the round's suffix keeps the ids unique).
    for (let i = 0; i < 5; i += 1) {
      const values = columns.map((c) => (c === 'id' ? `id || '-${i}'` : c)).join(', ');
      const copy = `insert into instances (${columns.join(', ')}) select ${values} from instances`;
      // Fixture rows, not work anyone did: on PostgreSQL the per-row tally triggers (≈ 7 ms a row there) are
      // left out of this copy, which the export does not read; SQLite's cost nothing to keep.
      await h.sql(
        sql.raw(
          dialectOf(h.db) === 'postgresql'
            ? `begin; set local session_replication_role = replica; ${copy}; commit;`
            : copy,
        ),
      );
    }
    const total = Number((await h.sql(sql`select count(*) as n from instances`))[0]?.n);
    expect(total).toBe(450 * 32);

    const order: string[] = [];
    const exported = Promise.resolve(h.get('/api/exports/instances.xlsx', admin)).then(async (res) => {
      const rows = await rowsOf(await res.arrayBuffer());
      order.push('export');
      return rows.length;
    });
    // Asked once the export has begun streaming: answered before its last row is written.
    await new Promise((resolve) => setImmediate(resolve));
    const health = Promise.resolve(h.get('/api/health')).then((res) => {
      order.push(`health ${res.status}`);
    });
    await Promise.all([exported, health]);
    expect(await exported).toBe(total);
    expect(order).toEqual(['health 200', 'export']);
  });
});

describe('a client that goes away', () => {
  it('stops the walk: no further page is read once the response is cancelled', async () => {
    let pagesRead = 0;
    const page = (from: number) => {
      pagesRead += 1;
      return {
        items: Array.from({ length: 500 }, (_, i) => ({ n: from + i, text: `第${from + i}行`.repeat(20) })),
        nextCursor: from + 500 < 1_000_000 ? String(from + 500) : null,
      };
    };
    const stream = xlsxStream({
      title: '测试',
      sheetName: '测试',
      columns: [
        { header: '序号', width: 10, value: (r: { n: number; text: string }) => r.n },
        { header: '内容', width: 40, value: (r: { n: number; text: string }) => r.text },
      ],
      pages: keysetPages(page(0), async (cursor) => page(Number(cursor))),
    });
    const reader = stream.getReader();
    const first = await reader.read();
    expect(first.done).toBe(false);
    await reader.cancel();
    const atCancel = pagesRead;
    for (let i = 0; i < 20; i += 1) await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(pagesRead - atCancel).toBeLessThanOrEqual(1);
    expect(pagesRead).toBeLessThan(2000);
  });

  it('over HTTP: the server answers the next request as before', async () => {
    const res = await h.get('/api/exports/instances.xlsx', admin);
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    await reader.read();
    await reader.cancel();
    const again = await h.get('/api/exports/instances.xlsx?orgId=' + h.orgs.schoolB, admin);
    expect(again.status).toBe(200);
    expect((await rowsOf(await again.arrayBuffer())).length).toBe(150 * 32);
  });
});
