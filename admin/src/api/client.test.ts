import { afterEach, beforeAll, describe, expect, it } from 'vitest';

import { makeHarness } from '../../../api/src/test/harness';
import { ApiError, setCsrfToken } from './api-error';
import { call, createApiClient } from './client';

// The typed client against the real API in-process: app.request() answers, no server, no stubbed fetch.
let h: Awaited<ReturnType<typeof makeHarness>>;
beforeAll(async () => {
  h = await makeHarness();
});
afterEach(() => setCsrfToken(null));

async function clientOf(username: string) {
  const session = await h.signIn(username);
  const seen: Request[] = [];
  const client = createApiClient({
    baseUrl: 'http://console.test',
    fetch: async (request) => {
      seen.push(request.clone());
      request.headers.set('Cookie', session.cookie);
      return h.app.request(request);
    },
  });
  return { client, seen, session };
}

describe('the typed API client', () => {
  it('reads a documented answer with its generated type', async () => {
    const { client } = await clientOf('principalA');
    const me = await call(client.GET('/api/me'));
    expect(me.user.username).toBe('principalA');
    expect(me.roles.map((r) => r.role)).toEqual(['principal']);
    expect(typeof me.csrfToken).toBe('string');
  });

  it('sends the CSRF double-submit header on writes, so the API accepts them', async () => {
    const { client, seen, session } = await clientOf('principalA');
    setCsrfToken(session.csrf);
    const result = await call(client.POST('/api/notifications/read-all'));
    expect(result.marked).toBe(0);
    const write = seen.at(-1);
    expect(write?.headers.get('X-CSRF-Token')).toBe(session.csrf);
    expect(write?.headers.get('Accept-Language')).toMatch(/^(zh-CN|en)$/);
  });

  it('turns a refusal into the console error, with the request id to quote', async () => {
    const { client } = await clientOf('principalA');
    // No CSRF token remembered: the API refuses the write.
    const refused = await call(client.POST('/api/notifications/read-all')).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ApiError);
    const err = refused as ApiError;
    expect(err.status).toBe(403);
    expect(err.code).toMatch(/CSRF/);
    expect(err.requestId).toMatch(/\S/);
  });

  it('reports a network failure as status 0', async () => {
    const client = createApiClient({
      baseUrl: 'http://console.test',
      fetch: () => Promise.reject(new TypeError('offline')),
    });
    const failed = await call(client.GET('/api/me')).catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(ApiError);
    expect((failed as ApiError).status).toBe(0);
  });
});
