/**
 * Keyset pagination gives only "the page after this one". Refine asks for page N, so we remember,
 * per list query, the cursor that opens each page we have seen.
 */
const cursors = new Map<string, Map<number, string>>();

export function cursorFor(listKey: string, page: number): string | null | undefined {
  if (page <= 1) return null;
  return cursors.get(listKey)?.get(page);
}

export function rememberCursor(listKey: string, page: number, cursor: string | null | undefined): void {
  if (!cursor) return;
  let pages = cursors.get(listKey);
  if (!pages) {
    pages = new Map();
    cursors.set(listKey, pages);
  }
  pages.set(page, cursor);
}
