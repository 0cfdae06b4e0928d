import { api, call } from '../api/client';
import { isApiError } from './http';

export type Credentials = { username: string; password: string; otp?: string };

/** POST /api/auth/login: on success the answer sets the session cookie; a refusal throws the ApiError. */
export async function requestSignIn({ username, password, otp }: Credentials): Promise<void> {
  await call(api.POST('/api/auth/login', { body: { username, password, ...(otp ? { otp } : {}) } }));
}

/** Whether this browser already holds a session (GET /api/me answers), without building its abilities. */
export async function hasSession(): Promise<boolean> {
  try {
    await call(api.GET('/api/me'));
    return true;
  } catch (e) {
    if (isApiError(e) && e.status === 401) return false;
    throw e;
  }
}

/**
 * Where the sign-in page goes once signed in: the page the console was asked for (`?to=`, set when a
 * signed-out visit was sent to /login), never another site.
 */
export function afterSignIn(search: string): string {
  const to = new URLSearchParams(search).get('to');
  return to && to.startsWith('/') && !to.startsWith('//') && !to.startsWith('/login') ? to : '/';
}
