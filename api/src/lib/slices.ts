/** Longest a piece of heavy work (a bulk start, a scheduler tick) holds the single thread between yields (issue 11). */
export const SLICE_MS = 25;

/** Lets every other pending I/O callback (requests, health checks) run before coming back. */
export const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Cuts a long loop into slices of about `sliceMs`: `spent()` says the current slice has used its time,
 * `pause()` yields to the event loop when it has (and starts the next slice). A step that is itself longer
 * than the slice is not split: slices end between steps, never inside one (a transaction stays whole).
 */
export function slices(sliceMs = SLICE_MS) {
  let started = performance.now();
  const spent = () => performance.now() - started >= sliceMs;
  return {
    spent,
    async pause(): Promise<void> {
      if (!spent()) return;
      await nextTurn();
      started = performance.now();
    },
  };
}
