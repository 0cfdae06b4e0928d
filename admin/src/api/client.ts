import createClient, { type Client, type Middleware } from 'openapi-fetch';

import { currentLanguage } from '../config/i18n';
import { ApiError, csrfToken, parseErrorBody } from './api-error';
import type { paths } from './schema.gen';

/** The console's conventions on every call: JSON, its language, and the CSRF double-submit header on writes. */
export const consoleConventions: Middleware = {
  onRequest({ request }) {
    if (!request.headers.has('Accept')) request.headers.set('Accept', 'application/json');
    request.headers.set('Accept-Language', currentLanguage());
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      const token = csrfToken();
      if (token) request.headers.set('X-CSRF-Token', token);
    }
    return request;
  },
};

export type ApiClient = Client<paths, 'application/json'>;

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type Success<R> = R extends { responses: infer Rs }
  ? 200 extends keyof Rs
    ? Rs[200]
    : 201 extends keyof Rs
      ? Rs[201]
      : never
  : never;
/** A route's successful JSON answer, by path and method, from the generated document (for state that holds one). */
export type ApiAnswer<P extends keyof paths, M extends Method> =
  Success<paths[P][M]> extends { content: { 'application/json': infer B } } ? B : never;

/** A client typed by the API's OpenAPI document (schema.gen.ts); `fetch` is swapped only by tests. */
export function createApiClient(options: { baseUrl?: string; fetch?: (request: Request) => Promise<Response> } = {}) {
  const client = createClient<paths, 'application/json'>({
    baseUrl: options.baseUrl ?? globalThis.location?.origin ?? '',
    credentials: 'include',
    fetch: options.fetch,
  });
  client.use(consoleConventions);
  return client;
}

/** The console's one typed client: every call outside Refine's data provider goes through it. */
export const api: ApiClient = createApiClient();

type Answer = { data?: unknown; error?: unknown; response: Response };

/**
 * The answer's data, or the console's one error (ApiError, with the server's X-Request-Id): a network
 * failure is status 0, an error body becomes code, messages and field errors.
 */
export async function call<A extends Answer>(pending: Promise<A>): Promise<Exclude<A['data'], undefined>> {
  let answer: A;
  try {
    answer = await pending;
  } catch (e) {
    if (e instanceof ApiError) throw e;
    throw new ApiError(0, null);
  }
  const { response } = answer;
  if (!response.ok) {
    throw new ApiError(
      response.status,
      parseErrorBody(answer.error),
      response.headers.get('X-Request-Id') ?? undefined,
    );
  }
  return answer.data as Exclude<A['data'], undefined>;
}
