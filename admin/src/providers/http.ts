import { api, call } from '../api/client';

export { ApiError, asApiError, csrfToken, isApiError, parseErrorBody, setCsrfToken } from '../api/api-error';

export const API_BASE = '/api';

export type HttpOptions = {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: Record<string, string | number | undefined | null>;
  body?: unknown;
  headers?: Record<string, string>;
};

export function buildUrl(path: string, query?: HttpOptions['query']): string {
  const url = path.startsWith('/api') ? path : `${API_BASE}${path.startsWith('/') ? '' : '/'}${path}`;
  const qs = queryString(query);
  return qs ? `${url}?${qs}` : url;
}

/** A query's set values as a search string (no `?`); empty filters are left out. */
export function queryString(query?: HttpOptions['query']): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  }
  return params.toString();
}

/**
 * A call by a path the console composes at run time (Refine's data provider names resources by string):
 * through the one typed client, so the same conventions and the same error apply. Known paths use
 * `call(api.GET('/api/…'))` and get their types from the OpenAPI document.
 */
export async function http<T>(path: string, options: HttpOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const query = Object.fromEntries(
    Object.entries(options.query ?? {}).filter(([, v]) => v !== undefined && v !== null && v !== ''),
  );
  const init = { params: { query }, body: options.body, headers: options.headers };
  return (await call(api.request(method.toLowerCase() as 'get', apiPath(path) as never, init as never))) as T;
}

function apiPath(path: string): string {
  return path.startsWith('/api') ? path : `${API_BASE}${path.startsWith('/') ? '' : '/'}${path}`;
}
