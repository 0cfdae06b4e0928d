import Database from 'better-sqlite3';
import { and, asc, or, type SQL, sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { describe, expect, it } from 'vitest';

import { resolveSort, sortedUnionPage, type SortSpec } from './sorted-keyset.js';

// A list over a union of scopes (ADR 0021) must page exactly as one query over their OR would:
// overlapping and disjoint scopes, ties on the value, NULLs last, every page size.
const items = sqliteTable('items', {
  id: text('id').primaryKey(),
  owner: text('owner'),
  org: text('org'),
  due: text('due'),
});
const SPEC: SortSpec<'due'> = {
  fields: { due: { column: items.due, nullable: true } },
  id: items.id,
  defaultSort: 'due',
  defaultOrder: 'asc',
};

const client = new Database(':memory:');
client.exec('create table items (id text primary key, owner text, org text, due text)');
const db = drizzle(client);
const put = client.prepare('insert into items values (?, ?, ?, ?)');
for (let i = 0; i < 40; i++) {
  const id = `id-${String((i * 7) % 40).padStart(2, '0')}`;
  put.run(
    id,
    i % 3 === 0 ? 'me' : 'other',
    i % 2 === 0 ? 'school' : 'elsewhere',
    i % 5 === 0 ? null : `2026-12-0${1 + (i % 4)}`,
  );
}
const mine = sql`${items.owner} = 'me'`;
const school = sql`${items.org} = 'school'`;

const readIn = async (scope: SQL, where: SQL | undefined, orderBy: SQL[], limit: number) =>
  await db
    .select()
    .from(items)
    .where(and(scope, where))
    .orderBy(...orderBy)
    .limit(limit);

async function walk(order: 'asc' | 'desc', limit: number, scopes: SQL[]): Promise<string[]> {
  const seen: string[] = [];
  let cursor: string | undefined;
  for (let guard = 0; guard < 100; guard++) {
    const plan = resolveSort(SPEC, { order, cursor });
    const page = await sortedUnionPage(
      plan,
      scopes.map((where) => ({ where, ownIndex: false })),
      limit,
      readIn,
      (r) => r.due,
      (r) => r.id,
    );
    seen.push(...page.items.map((r) => r.id));
    if (!page.nextCursor) return seen;
    cursor = page.nextCursor;
  }
  throw new Error('no last page');
}

describe('sortedUnionPage', () => {
  for (const order of ['asc', 'desc'] as const) {
    it(`pages two overlapping scopes (${order}) exactly as their OR, with no gaps or repeats`, async () => {
      const everything = await walk(order, 1000, [or(mine, school)!]);
      expect(everything.length).toBeGreaterThan(20);
      expect(new Set(everything).size).toBe(everything.length);
      for (const limit of [1, 2, 3, 7, 50])
        expect(await walk(order, limit, [mine, school]), `limit ${limit}`).toEqual(everything);
    });
  }

  it('a single scope is read as before: one query per run of values', async () => {
    const all = await db.select().from(items).where(mine).orderBy(asc(items.id));
    expect((await walk('asc', 3, [mine])).sort()).toEqual(all.map((r) => r.id));
  });
});
