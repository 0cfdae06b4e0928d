/**
 * Longest a piece of heavy work (a bulk start, a scheduler tick) holds the single thread between yields
 * (issue 11). 15 ms, not 25: a slice ends after the step that crosses it, and a bulk slice's commit or one
 * due timer's event (7 ms median, up to 45 ms on the 20k city) comes on top.
 */
export const SLICE_MS = 15;

/**
 * The pause between two slices. Answering a request on a new connection takes the event loop several
 * turns (accept, read, answer); with one setImmediate between slices each of those turns waited a whole
 * slice, so a health check during a bulk start or a scheduler tick took 2–4 slices (80–150 ms at 1M,
 * issue 11). A short timer lets the loop go round as often as it needs meanwhile: ≈ 12 % of the heavy
 * work's time for an answer within one slice.
 */
export const BREATH_MS = 2;
export const breathe = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, BREATH_MS));

/**
 * Cuts a long loop into slices of about `sliceMs`: `spent()` says the current slice has used its time,
 * `pause()` breathes (see breathe) when it has (and starts the next slice). A step that is itself longer
 * than the slice is not split: slices end between steps, never inside one (a transaction stays whole).
 */
export function slices(sliceMs = SLICE_MS) {
  let started = performance.now();
  const spent = () => performance.now() - started >= sliceMs;
  return {
    spent,
    async pause(): Promise<void> {
      if (!spent()) return;
      await breathe();
      started = performance.now();
    },
  };
}
