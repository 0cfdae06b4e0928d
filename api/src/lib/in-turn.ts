/**
 * Array methods whose callback reads the database, awaited one item after another (ADR 0028). In turn,
 * not all at once: inside a transaction the statements share one connection, and the order of their
 * writes (audit events chain on the one before) must be the order of the items.
 */
export async function mapInTurn<T, R>(items: Iterable<T>, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  let i = 0;
  for (const item of items) out.push(await fn(item, i++));
  return out;
}

export async function flatMapInTurn<T, R>(
  items: Iterable<T>,
  fn: (item: T, index: number) => Promise<R | readonly R[]>,
): Promise<R[]> {
  return (await mapInTurn(items, fn)).flat() as R[];
}

export async function filterInTurn<T>(
  items: Iterable<T>,
  fn: (item: T, index: number) => Promise<unknown>,
): Promise<T[]> {
  const out: T[] = [];
  let i = 0;
  for (const item of items) if (await fn(item, i++)) out.push(item);
  return out;
}

export async function someInTurn<T>(
  items: Iterable<T>,
  fn: (item: T, index: number) => Promise<unknown>,
): Promise<boolean> {
  let i = 0;
  for (const item of items) if (await fn(item, i++)) return true;
  return false;
}

export async function everyInTurn<T>(
  items: Iterable<T>,
  fn: (item: T, index: number) => Promise<unknown>,
): Promise<boolean> {
  let i = 0;
  for (const item of items) if (!(await fn(item, i++))) return false;
  return true;
}

export async function forEachInTurn<T>(
  items: Iterable<T>,
  fn: (item: T, index: number) => Promise<unknown>,
): Promise<void> {
  let i = 0;
  for (const item of items) await fn(item, i++);
}

export async function findInTurn<T>(
  items: Iterable<T>,
  fn: (item: T, index: number) => Promise<unknown>,
): Promise<T | undefined> {
  let i = 0;
  for (const item of items) if (await fn(item, i++)) return item;
  return undefined;
}
