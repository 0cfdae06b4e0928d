import { z } from '@hono/zod-openapi';
import { and, asc, desc, type SQL, sql } from 'drizzle-orm';
import type { AnySQLiteColumn } from 'drizzle-orm/sqlite-core';

import { noIndex, opaque } from '../db/sql-dialect.js';
import { type Db, dialectOf, type TDialect } from '../db/view.js';
import { AppError } from '../errors.js';
import { encodeCursor, readCursor } from './cursor.js';

/**
 * Keyset pagination under a client-chosen sort (issue 4). A list names a small whitelist of columns; the
 * cursor carries (sort field, order, last value, last id) and is refused under any other sort, since its
 * position means nothing there. Ties break on id in the same direction. NULLs sort LAST in both orders:
 * a nullable column is read as two runs (non-null values, then the nulls by id), each a plain range over
 * a (column, id) index — `ORDER BY col NULLS LAST` would cost a sort. See docs/decisions/0006.
 */
export type SortOrder = 'asc' | 'desc';
export type SortColumn = { column: AnySQLiteColumn; nullable?: boolean };
export type SortSpec<F extends string> = {
  fields: Record<F, SortColumn>;
  id: AnySQLiteColumn;
  defaultSort: F;
  defaultOrder: SortOrder;
};
type Value = string | number;
export type SortPlan<F extends string> = {
  field: F;
  order: SortOrder;
  col: SortColumn;
  id: AnySQLiteColumn;
  after: { value: Value | null; id: string } | null;
  /** The caller's scope is the selective part (ADR 0006): keep the sort column's index out of the WHERE. */
  scoped: boolean;
  /** The database's dialect, which spells "no index" (db/sql-dialect.ts); set with `scoped`. */
  dialect: TDialect;
};

/** The query fields every sortable list accepts; checked against the list's whitelist in resolveSort (422, not 400). */
export const ZSortQuery = z.object({
  sort: z
    .string()
    .max(40)
    .optional()
    .openapi({ description: 'a sortable column of this list (see docs/api-contract.md)' }),
  order: z.string().max(10).optional().openapi({ description: 'asc | desc' }),
});

// A well-formed request the list cannot serve (unknown column, cursor of another sort) is 422; garbage is 400.
const refuse = (field: string, zh: string, en: string, status = 422) =>
  new AppError('VALIDATION', { status, fieldErrors: { [field]: { 'zh-CN': zh, en } } });

export function resolveSort<F extends string>(
  spec: SortSpec<F>,
  q: { sort?: string; order?: string; cursor?: string },
  opts: { scoped?: boolean; db?: Db } = {},
): SortPlan<F> {
  const allowed = Object.keys(spec.fields) as F[];
  const field = (q.sort ?? spec.defaultSort) as F;
  if (!allowed.includes(field))
    throw refuse(
      'sort',
      `不支持按“${q.sort}”排序，可选：${allowed.join('、')}`,
      `Cannot sort by "${q.sort}"; allowed: ${allowed.join(', ')}`,
    );
  const order = (q.order ?? (field === spec.defaultSort ? spec.defaultOrder : 'asc')) as SortOrder;
  if (order !== 'asc' && order !== 'desc')
    throw refuse('order', '排序方向只能是 asc 或 desc', 'Order must be asc or desc');
  return {
    field,
    order,
    col: spec.fields[field],
    id: spec.id,
    after: decode(q.cursor, `${field}.${order}`),
    scoped: opts.scoped ?? false,
    dialect: opts.db ? dialectOf(opts.db) : 'sqlite',
  };
}

const ZCursorKey = z.tuple([z.string(), z.union([z.string(), z.number(), z.null()]), z.string()]);

function decode(cursor: string | undefined, tag: string): SortPlan<string>['after'] {
  if (!cursor) return null;
  const key = ZCursorKey.safeParse(readCursor(cursor));
  if (!key.success) throw refuse('cursor', '分页游标无效', 'Invalid pagination cursor', 400);
  if (key.data[0] !== tag)
    throw refuse(
      'cursor',
      '分页游标属于另一种排序，请从第一页重新开始',
      'This cursor belongs to another sort order; start again from the first page',
    );
  return { value: key.data[1], id: key.data[2] };
}

/**
 * Runs `read(where, orderBy, limit)` once, or twice for a nullable column, and returns the page and the
 * cursor of its last row. `valueOf` reads the sort column from a row, `idOf` its id.
 */
export async function sortedPage<F extends string, R>(
  plan: SortPlan<F>,
  limit: number,
  read: (where: SQL | undefined, orderBy: SQL[], limit: number) => Promise<R[]>,
  valueOf: (row: R) => Value | null,
  idOf: (row: R) => string,
): Promise<{ items: R[]; nextCursor: string | null }> {
  const dir = plan.order === 'asc' ? asc : desc;
  const cmp = plan.order === 'asc' ? sql.raw('>') : sql.raw('<');
  const { column } = plan.col;
  // The same value, but no index can serve it: for a scoped reader neither engine may walk, say, every
  // undated instance in the district through the sort index and test each against the scope (opaque()).
  const test = plan.scoped ? opaque(plan.dialect, column) : sql`${column}`;
  // Whether it is set: on PostgreSQL the plain column, whose statistics know how many are (hidden, it
  // guessed 9 of an expert's 14,000 undated instances and joined each to every organisation: 1.7 s at 1M).
  const nulls = plan.scoped ? noIndex(plan.dialect, column) : sql`${column}`;
  const after = plan.after;
  const rows: R[] = [];
  if (!after || after.value !== null) {
    const past = after ? sql`(${test}, ${plan.id}) ${cmp} (${after.value}, ${after.id})` : undefined;
    rows.push(
      ...(await read(
        and(plan.col.nullable ? sql`${nulls} is not null` : undefined, past),
        [dir(column), dir(plan.id)],
        limit + 1,
      )),
    );
  }
  if (plan.col.nullable && rows.length <= limit) {
    const past = after?.value === null ? sql`${plan.id} ${cmp} ${after.id}` : undefined;
    rows.push(...(await read(and(sql`${nulls} is null`, past), [dir(plan.id)], limit + 1 - rows.length)));
  }
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return {
    items,
    nextCursor:
      rows.length > limit && last ? encodeCursor([`${plan.field}.${plan.order}`, valueOf(last), idOf(last)]) : null,
  };
}

/** One alternative of a reader's scope; `ownIndex`: it has a (scope column, sort column, id) index per sort. */
export type TScope = { where: SQL; ownIndex: boolean };

/**
 * sortedPage over a union of scopes (ADR 0021): each scope is paged on its own (so on its own index),
 * and the first `limit` distinct rows of the pages, in the list's order, are the union's page — every
 * row above one of them in the union is above it in its own scope too. A scope with its own index per
 * sort column is walked on it; the others keep the scoped reader's `+` (see sortedPage).
 */
export async function sortedUnionPage<F extends string, R>(
  plan: SortPlan<F>,
  scopes: TScope[],
  limit: number,
  read: (scope: SQL, where: SQL | undefined, orderBy: SQL[], limit: number) => Promise<R[]>,
  valueOf: (row: R) => Value | null,
  idOf: (row: R) => string,
): Promise<{ items: R[]; nextCursor: string | null }> {
  const pages: Array<{ items: R[]; nextCursor: string | null }> = [];
  for (const s of scopes)
    pages.push(
      await sortedPage(
        { ...plan, scoped: plan.scoped && !s.ownIndex },
        limit,
        (w, o, l) => read(s.where, w, o, l),
        valueOf,
        idOf,
      ),
    );
  if (pages.length === 1) return pages[0];
  const seen = new Set<string>();
  const merged = pages
    .flatMap((p) => p.items)
    .sort(inListOrder(plan.order, valueOf, idOf))
    .filter((r) => !seen.has(idOf(r)) && Boolean(seen.add(idOf(r))));
  const items = merged.slice(0, limit);
  const last = items[items.length - 1];
  const more = merged.length > limit || pages.some((p) => p.nextCursor !== null);
  return {
    items,
    nextCursor: more && last ? encodeCursor([`${plan.field}.${plan.order}`, valueOf(last), idOf(last)]) : null,
  };
}

/** sortedPage's order: (value, id) in the list's direction, NULL values last in both directions. Keys are
 * ASCII (dates, state ids, ids), where JavaScript's comparison is SQLite's BINARY collation. */
function inListOrder<R>(order: SortOrder, valueOf: (row: R) => Value | null, idOf: (row: R) => string) {
  const sign = order === 'asc' ? 1 : -1;
  const cmp = (a: Value, b: Value) => (a === b ? 0 : a < b ? -sign : sign);
  return (a: R, b: R) => {
    const va = valueOf(a);
    const vb = valueOf(b);
    if (va === null || vb === null) return va === vb ? cmp(idOf(a), idOf(b)) : va === null ? 1 : -1;
    return cmp(va, vb) || cmp(idOf(a), idOf(b));
  };
}
