import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

import { AppError } from '../errors.js';

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
 * Failures per key within a sliding window, in memory: a single-node server needs no shared store, and
 * a restart forgetting the counts is harmless because account lockout is persisted in the database.
 */
export class FailureWindow {
  private readonly hits = new Map<string, number[]>();
  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  private recent(key: string, now: number): number[] {
    const kept = (this.hits.get(key) ?? []).filter((t) => now - t < this.windowMs);
    if (kept.length) this.hits.set(key, kept);
    else this.hits.delete(key);
    return kept;
  }

  /** Milliseconds until the key may try again (at `limit` failures, by default the window's), or 0. */
  retryAfter(key: string, now: number, limit = this.limit): number {
    const kept = this.recent(key, now);
    if (kept.length < limit) return 0;
    return this.windowMs - (now - (kept[kept.length - limit] ?? now));
  }

  /** Failures of the key within the window. */
  count(key: string, now: number): number {
    return this.recent(key, now).length;
  }

  record(key: string, now: number): void {
    this.hits.set(key, [...this.recent(key, now), now]);
    // Bound memory under a spray of random usernames: forget the oldest keys first.
    if (this.hits.size > 10_000) this.hits.delete(this.hits.keys().next().value ?? '');
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
