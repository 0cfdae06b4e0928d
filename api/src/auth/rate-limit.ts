import { getConnInfo } from '@hono/node-server/conninfo';
import { and, desc, eq, gt, lt, sql } from 'drizzle-orm';
import type { Context } from 'hono';

import { type Db, tx } from '../db/client.js';
import { prepared } from '../db/prepared.js';
import { signInFailures } from '../db/schema.js';
import { AppError } from '../errors.js';

type TSignInFailureKind = (typeof signInFailures.$inferInsert)['kind'];

export const LOGIN_WINDOW_MS = 15 * 60 * 1000;
/**
 * Failed sign-ins per client address and per username within the window. Past the address's soft limit
 * only accounts with no recent failure may still try (a school behind one NAT keeps signing in while a
 * spray's accounts are shut out); past the hard limit nobody from that address may.
 */
export const LOGIN_FAILURES_PER_IP = 20;
export const LOGIN_FAILURES_PER_IP_HARD = 200;
export const LOGIN_FAILURES_PER_USERNAME = 10;

/**
 * Failures per key within a sliding window, kept in the database (sign_in_failures): every API node counts
 * the same failures and a restart forgets none (issue 14). A check reads at most `limit` rows of one key
 * on its index; a new failure prunes what has left the window.
 */
export class FailureWindow {
  constructor(
    private readonly db: Db,
    private readonly kind: TSignInFailureKind,
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /** The newest `limit` failure times of the key within the window, newest first. */
  private async recent(key: string, now: number, limit: number): Promise<number[]> {
    return (
      await prepared(this.db, 'sign-in-failures.recent', (db) =>
        db
          .select({ at: signInFailures.at })
          .from(signInFailures)
          .where(
            and(
              eq(signInFailures.kind, sql.placeholder('kind')),
              eq(signInFailures.key, sql.placeholder('key')),
              gt(signInFailures.at, sql.placeholder('since')),
            ),
          )
          .orderBy(desc(signInFailures.at))
          .limit(sql.placeholder('limit'))
          .prepare(),
      ).all({ kind: this.kind, key, since: now - this.windowMs, limit })
    ).map((r) => r.at);
  }

  /** Milliseconds until the key may try again (at `limit` failures, by default the window's), or 0. */
  async retryAfter(key: string, now: number, limit = this.limit): Promise<number> {
    const kept = await this.recent(key, now, limit);
    if (kept.length < limit) return 0;
    return this.windowMs - (now - (kept[limit - 1] ?? now));
  }

  /** Whether the key failed within the window. */
  async failedRecently(key: string, now: number): Promise<boolean> {
    return (await this.recent(key, now, 1)).length > 0;
  }

  async record(key: string, now: number): Promise<void> {
    await tx(this.db, async () => {
      await this.db.delete(signInFailures).where(lt(signInFailures.at, now - this.windowMs));
      await this.db.insert(signInFailures).values({ kind: this.kind, key, at: now });
    });
  }
}

/**
 * The caller's address: the socket's, or with EDUFLOW_TRUST_PROXY=1 the first X-Forwarded-For hop
 * (only behind a proxy that sets it; otherwise anyone could pick their own address).
 */
export function clientIp(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    // app.request() in tests has no socket.
    return 'local';
  }
}

export const rateLimited = (retryMs: number) =>
  new AppError('RATE_LIMITED', {
    message: {
      'zh-CN': `登录失败次数过多，请 ${Math.ceil(retryMs / 60000)} 分钟后再试。`,
      en: `Too many failed sign-ins; try again in ${Math.ceil(retryMs / 60000)} min.`,
    },
  });
