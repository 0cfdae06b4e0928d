import { ApiError, buildUrl, csrfToken, parseErrorBody } from './http';

/** multipart/form-data POST (files), with the session cookie and the CSRF header like every write. */
export async function postForm<T>(
  path: string,
  form: FormData,
  query?: Record<string, string | undefined>,
): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  const token = csrfToken();
  if (token) headers['X-CSRF-Token'] = token;
  let res: Response;
  try {
    res = await fetch(buildUrl(path, query), { method: 'POST', credentials: 'include', headers, body: form });
  } catch {
    throw new ApiError(0, null);
  }
  const text = await res.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  if (!res.ok) throw new ApiError(res.status, parseErrorBody(json));
  return json as T;
}
