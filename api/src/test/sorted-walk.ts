import type { Harness, Session } from './harness.js';

type Row = { id: string } & Record<string, unknown>;
type Page = { items: Row[]; nextCursor: string | null };

// Binary order, as SQLite compares text (localeCompare would skip the dashes in ids).
const cmp = (x: unknown, y: unknown) => (String(x) < String(y) ? -1 : String(x) > String(y) ? 1 : 0);

/** The order the API promises: by the value, NULLs last in both directions, ties by id in the same direction. */
export function expectedOrder(rows: Row[], field: string, order: 'asc' | 'desc'): string[] {
  const sign = order === 'asc' ? 1 : -1;
  return [...rows]
    .sort((a, b) => {
      const [x, y] = [a[field], b[field]];
      if ((x === null) !== (y === null)) return x === null ? 1 : -1;
      return sign * (x === null ? 0 : cmp(x, y)) || sign * cmp(a.id, b.id);
    })
    .map((r) => r.id);
}

/** Follows nextCursor from the first page to the last and returns every id seen, in order. */
export async function walkIds(h: Harness, path: string, s: Session, limit: number): Promise<string[]> {
  const seen: string[] = [];
  let cursor: string | null = null;
  for (let guard = 0; guard < 1000; guard += 1) {
    const res = await h.get(
      `${path}${path.includes('?') ? '&' : '?'}limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`,
      s,
    );
    if (res.status !== 200) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    const page = (await res.json()) as Page;
    seen.push(...page.items.map((r) => r.id));
    cursor = page.nextCursor;
    if (!cursor) return seen;
  }
  throw new Error(`${path}: more than 1000 pages`);
}
