import type { MiddlewareHandler } from 'hono';

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * At most one write starts per turn of the event loop, in arrival order. A write runs synchronously in
 * one SQLite transaction; fifty of them arriving together ran back to back in one poll phase, and a new
 * connection (a health check, a page opening) waited behind all of them (issue 11: seconds under load).
 * Taking turns lets the loop accept connections and answer reads between two writes, so only writes
 * queue behind writes. Reads never wait here.
 */
export function writeTurns(): MiddlewareHandler {
  const waiting: Array<() => void> = [];
  let scheduled = false;
  const grant = () => {
    waiting.shift()?.();
    scheduled = waiting.length > 0;
    // An immediate scheduled from here runs on the loop's next turn, after its poll for I/O.
    if (scheduled) setImmediate(grant);
  };
  return async (c, next) => {
    if (READS.has(c.req.method)) return next();
    await new Promise<void>((resolve) => {
      waiting.push(resolve);
      if (!scheduled) {
        scheduled = true;
        setImmediate(grant);
      }
    });
    return next();
  };
}
