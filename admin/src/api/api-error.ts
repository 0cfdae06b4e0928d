import i18n from '../config/i18n';
import { currentLanguage } from '../config/i18n';
import type { ApiErrorBody, LocalizedText } from '../types/contract';

const CSRF_COOKIE = 'eduflow_csrf';

let csrfFromMe: string | null = null;

/** Remembers the token `/api/me` returned, used when the cookie cannot be read. */
export function setCsrfToken(token: string | null): void {
  csrfFromMe = token;
}

export function csrfToken(): string | null {
  if (typeof document === 'undefined') return csrfFromMe;
  const match = document.cookie.split('; ').find((c) => c.startsWith(`${CSRF_COOKIE}=`));
  return match ? decodeURIComponent(match.slice(CSRF_COOKIE.length + 1)) : csrfFromMe;
}

/** The contract's one error shape as an Error Refine understands (`statusCode`, `errors`). */
export class ApiError extends Error {
  readonly code: string;
  readonly status: number;
  readonly statusCode: number;
  readonly localized: LocalizedText | null;
  readonly fieldErrors: Record<string, LocalizedText>;
  readonly errors: Record<string, string>;
  readonly rule?: string;
  readonly lockedUntil?: string;
  /** The server's X-Request-Id for this answer: shown on unexpected errors so a user can quote it. */
  readonly requestId?: string;

  constructor(status: number, body: ApiErrorBody['error'] | null, requestId?: string) {
    const lang = currentLanguage();
    const fallback = i18n.t(`errors.codes.${body?.code ?? (status === 0 ? 'NETWORK' : 'INTERNAL')}`, {
      defaultValue: i18n.t('errors.generic'),
    });
    super(body?.message?.[lang] ?? fallback);
    this.name = i18n.t('errors.title');
    this.code = body?.code ?? (status === 0 ? 'NETWORK' : 'INTERNAL');
    this.status = status;
    this.statusCode = status;
    this.localized = body?.message ?? null;
    this.fieldErrors = body?.fieldErrors ?? {};
    this.errors = Object.fromEntries(Object.entries(this.fieldErrors).map(([k, v]) => [k, v[lang]]));
    this.rule = body?.rule;
    this.lockedUntil = body?.lockedUntil;
    this.requestId = requestId;
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}

/** Anything a call threw as the console's one error (a network failure or a bug is status 0). */
export const asApiError = (e: unknown): ApiError => (isApiError(e) ? e : new ApiError(0, null));

export function parseErrorBody(json: unknown): ApiErrorBody['error'] | null {
  if (json && typeof json === 'object' && 'error' in json) {
    const err = (json as ApiErrorBody).error;
    if (err && typeof err.code === 'string') return err;
  }
  return null;
}
