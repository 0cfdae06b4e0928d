import { http } from './http';

/** multipart/form-data POST (files), through the one client: session cookie, CSRF header, the one error. */
export function postForm<T>(path: string, form: FormData, query?: Record<string, string | undefined>): Promise<T> {
  return http<T>(path, { method: 'POST', body: form, query });
}
