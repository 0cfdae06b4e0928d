import type { MiddlewareHandler } from 'hono';
import { requestId } from 'hono/request-id';
import { routePath } from 'hono/route';

import type { AppEnv } from '../app-env.js';
import type { Logger } from '../log/logger.js';

/**
 * One JSON line per answered request: its id (also the X-Request-Id header and, on errors, the body's
 * requestId, so a user can quote it), who asked, the matched route pattern (no ids), status and time.
 */
export function requestLog(logger: Logger): MiddlewareHandler<AppEnv>[] {
  const log: MiddlewareHandler<AppEnv> = async (c, next) => {
    const started = performance.now();
    await next();
    logger.info({
      reqId: c.get('requestId'),
      userId: c.get('user')?.id ?? null,
      method: c.req.method,
      route: routePath(c),
      status: c.res.status,
      ms: Math.round((performance.now() - started) * 10) / 10,
    });
  };
  return [requestId(), log];
}
