/**
 * Values the pure engine may read, computed only if it reads them: most events run no guard that reads a
 * counted fact (a save, a timer, a vote), and each of those facts is a query — computed eagerly they made
 * every event of a campus-entry request count the semester's requests twice (issue 11's profile).
 *
 * The queries are asynchronous (ADR 0028) and the engine is synchronous, so it cannot wait for one: a read
 * of a value not computed yet is noted and answers `undefined`, and `settled(run)` computes what was noted
 * and runs again, until a run reads nothing missing. The engine is pure, so a run that read a missing
 * value is simply discarded; each value is computed at most once.
 */
export class LazyValues {
  readonly #wanted = new Set<() => Promise<void>>();

  /** Defines `record[name]` as computed by `compute` when first read (see the class). */
  define(record: Record<string, unknown>, name: string, compute: () => Promise<unknown>): void {
    const load = async () => {
      const value = await compute();
      Object.defineProperty(record, name, { value, enumerable: true, configurable: true, writable: true });
    };
    Object.defineProperty(record, name, {
      enumerable: true,
      configurable: true,
      get: () => {
        this.#wanted.add(load);
        return undefined;
      },
    });
  }

  /** `run()`'s result once it read only values already computed. */
  async settled<T>(run: () => T): Promise<T> {
    for (;;) {
      const result = run();
      if (this.#wanted.size === 0) return result;
      const wanted = [...this.#wanted];
      this.#wanted.clear();
      for (const load of wanted) await load();
    }
  }
}
