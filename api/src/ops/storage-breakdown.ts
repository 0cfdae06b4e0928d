import { type Db, dialectOf } from '../db/client.js';

export type TStorageItem = { name: string; kind: 'table' | 'index'; table: string; bytes: number; entries: number };
export type TStorageBreakdown = {
  instances: number;
  completed: number;
  pageSize: number;
  fileBytes: number;
  freeBytes: number;
  items: TStorageItem[];
};

/**
 * Where a database's bytes go, per table and per index (SQLite's dbstat: pages in use, overflow and
 * unused space included), with the instance counts to divide by (issue 11, docs/bench/storage.md).
 * Reads every page: seconds at 20k instances, about a minute at 1M.
 */
export function storageBreakdown(db: Db): TStorageBreakdown {
  // About SQLite's file only. PostgreSQL measures itself: pg_total_relation_size(), pg_indexes_size().
  if (dialectOf(db) !== 'sqlite')
    throw new Error('the storage breakdown reads SQLite’s pages (dbstat); on PostgreSQL use pg_total_relation_size()');
  const c = db.$client;
  const one = <T>(sql: string) => c.prepare(sql).get() as T;
  const { n: instances } = one<{ n: number }>('select count(*) n from instances');
  const { n: completed } = one<{ n: number }>("select count(*) n from instances where status = 'completed'");
  const pageSize = c.pragma('page_size', { simple: true }) as number;
  const pages = c.pragma('page_count', { simple: true }) as number;
  const free = c.pragma('freelist_count', { simple: true }) as number;
  const rows = c
    .prepare(
      `select d.name, coalesce(m.type, 'table') kind, coalesce(m.tbl_name, d.name) tbl, sum(d.pgsize) bytes,
              sum(case when d.pagetype = 'leaf' then d.ncell else 0 end) entries
       from dbstat d left join sqlite_schema m on m.name = d.name group by d.name order by bytes desc`,
    )
    .all() as Array<{ name: string; kind: 'table' | 'index'; tbl: string; bytes: number; entries: number }>;
  return {
    instances,
    completed,
    pageSize,
    fileBytes: pages * pageSize,
    freeBytes: free * pageSize,
    items: rows.map((r) => ({ name: r.name, kind: r.kind, table: r.tbl, bytes: r.bytes, entries: r.entries })),
  };
}

/** A Markdown table: bytes per instance for each table (its rows and each of its indexes below it). */
export function storageTable(b: TStorageBreakdown, minBytesPerInstance = 1): string {
  const per = (bytes: number) => Math.round(bytes / Math.max(1, b.instances));
  const tables = new Map<string, TStorageItem[]>();
  for (const item of b.items) tables.set(item.table, [...(tables.get(item.table) ?? []), item]);
  const total = b.items.reduce((s, i) => s + i.bytes, 0);
  const lines = ['| table / index | B per instance | MB |', '|---|---:|---:|'];
  const ordered = [...tables].sort(
    (x, y) => y[1].reduce((s, i) => s + i.bytes, 0) - x[1].reduce((s, i) => s + i.bytes, 0),
  );
  for (const [table, items] of ordered) {
    const sum = items.reduce((s, i) => s + i.bytes, 0);
    if (per(sum) < minBytesPerInstance) continue;
    lines.push(`| **${table}** | **${per(sum)}** | ${(sum / 1e6).toFixed(1)} |`);
    for (const i of items.sort((x, y) => y.bytes - x.bytes))
      lines.push(
        `| ${i.kind === 'table' ? '· rows' : `· ${i.name}`} | ${per(i.bytes)} | ${(i.bytes / 1e6).toFixed(1)} |`,
      );
  }
  lines.push(`| **all pages in use** | **${per(total)}** | ${(total / 1e6).toFixed(1)} |`);
  return lines.join('\n');
}
