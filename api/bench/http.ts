/**
 * A small HTTP/1.1 client over node:http: one keep-alive socket per Agent, so "50 connections" means 50
 * sockets, and `fresh: true` opens a new connection for the request (Connection: close).
 */
import http from 'node:http';

import { demoOtp } from '../src/test/demo-otp.js';

export type TResponse = { status: number; headers: http.IncomingHttpHeaders; body: Buffer; ms: number };
export type TRequest = {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  agent?: http.Agent;
  fresh?: boolean;
  timeoutMs?: number;
};

export const keepAliveAgent = () => new http.Agent({ keepAlive: true, maxSockets: 1 });

export function request(url: string, opts: TRequest = {}): Promise<TResponse> {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { ...opts.headers };
    if (opts.body !== undefined) {
      headers['content-type'] ??= 'application/json';
      headers['content-length'] = String(Buffer.byteLength(opts.body));
    }
    if (opts.fresh) headers.connection = 'close';
    const req = http.request(
      url,
      { method: opts.method ?? 'GET', headers, agent: opts.fresh ? false : opts.agent },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks),
            ms: performance.now() - t0,
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    if (opts.timeoutMs)
      req.setTimeout(opts.timeoutMs, () => req.destroy(new Error(`timeout after ${opts.timeoutMs} ms: ${url}`)));
    req.end(opts.body);
  });
}

export const jsonOf = <T>(r: TResponse): T => JSON.parse(r.body.toString('utf8')) as T;

/** A signed-in user: the cookies to send and the CSRF token writes echo in a header. */
export type TSession = { username: string; userId: string; cookie: string; csrf: string };

export async function signIn(base: string, username: string, password: string): Promise<TSession> {
  // The demo's three powers sign in with two factors: their next authenticator code.
  const otp = await demoOtp(base, username);
  const res = await request(`${base}/api/auth/login`, {
    method: 'POST',
    body: JSON.stringify({ username, password, otp }),
  });
  if (res.status !== 200) throw new Error(`sign-in ${username}: ${res.status} ${res.body.toString().slice(0, 200)}`);
  const cookies = (res.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]);
  const csrf = cookies.find((c) => c.startsWith('eduflow_csrf='))?.split('=')[1] ?? '';
  const { user } = jsonOf<{ user: { id: string } }>(res);
  return { username, userId: user.id, cookie: cookies.join('; '), csrf };
}

export const readHeaders = (s: TSession) => ({ cookie: s.cookie });
export const writeHeaders = (s: TSession) => ({ cookie: s.cookie, 'x-csrf-token': s.csrf });
