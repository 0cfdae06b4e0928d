/** A signed-in API session for test setup through the front door (login, CSRF header), never raw SQL. */
export async function apiSession(url: string, username: string, password: string) {
  const res = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  if (!res.ok) throw new Error(`login ${username} failed: ${res.status}`);
  const cookies = res.headers.getSetCookie().map((c) => c.split(';')[0]);
  const csrf = cookies.find((c) => c.startsWith('eduflow_csrf='))?.split('=')[1] ?? '';
  const cookie = cookies.join('; ');
  return async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const r = await fetch(`${url}/api${path}`, {
      method,
      headers: { cookie, 'x-csrf-token': decodeURIComponent(csrf), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await r.text();
    if (!r.ok) throw new Error(`${method} ${path} → ${r.status} ${text.slice(0, 300)}`);
    return (text ? JSON.parse(text) : undefined) as T;
  };
}
