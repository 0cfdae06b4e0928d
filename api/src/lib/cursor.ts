import { AppError } from '../errors.js';

/** Keyset cursors are opaque to clients: base64url of the last row's sort key. */
export function encodeCursor(key: Array<string | number | null>): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

const invalid = () =>
  new AppError('VALIDATION', { fieldErrors: { cursor: { 'zh-CN': '分页游标无效', en: 'Invalid pagination cursor' } } });

/** The key a cursor holds, as parsed JSON; a cursor that is not one of ours is a 400. */
export function readCursor(cursor: string): unknown {
  try {
    return JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
}

export function decodeCursor(cursor: string | undefined, arity: number): Array<string | number> | null {
  if (!cursor) return null;
  const key = readCursor(cursor);
  if (Array.isArray(key) && key.length === arity && key.every((k) => typeof k === 'string' || typeof k === 'number'))
    return key;
  throw invalid();
}

/** Fetches limit+1 rows, returns the page and the cursor of its last row when more remain. */
export function pageOf<T>(rows: T[], limit: number, keyOf: (row: T) => Array<string | number>) {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(keyOf(last)) : null };
}
