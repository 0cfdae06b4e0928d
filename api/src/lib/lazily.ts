/**
 * Defines `record[name]` as computed on first read, then kept. Most events run no guard that reads a
 * counted fact (a save, a timer, a vote), and each of those facts is a query: computed eagerly they made
 * every event of a campus-entry request count the semester's requests twice (issue 11's profile).
 */
export function lazily(record: Record<string, unknown>, name: string, compute: () => unknown): void {
  Object.defineProperty(record, name, {
    enumerable: true,
    configurable: true,
    get() {
      const value = compute();
      Object.defineProperty(record, name, { value, enumerable: true, configurable: true, writable: true });
      return value;
    },
  });
}
