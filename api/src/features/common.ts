import { OpenAPIHono, z } from '@hono/zod-openapi';

import type { AppEnv } from '../app-env.js';
import { AppError, ERROR_CODES, zodFieldErrors } from '../errors.js';

/** Every router validates the same way: a failed zod check becomes one VALIDATION error with field messages. */
export function newRouter(): OpenAPIHono<AppEnv> {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) throw new AppError('VALIDATION', { fieldErrors: zodFieldErrors(result.error) });
    },
  });
}

export const ZLocalized = z.object({ 'zh-CN': z.string(), en: z.string() }).openapi('LocalizedText');

export const ZPerson = z.object({ id: z.string(), displayName: z.string() }).openapi('Person');
/** 四眼原则 on drafts: who edited one (its creator first) — they may not publish it — and who published it. */
export const ZDraftReview = { editors: z.array(ZPerson), publishedBy: ZPerson.nullable() };

export const ZErrorBody = z
  .object({
    error: z.object({
      code: z.enum(ERROR_CODES),
      message: ZLocalized,
      fieldErrors: z.record(z.string(), ZLocalized).optional(),
      rule: z.string().optional(),
      lockedUntil: z.string().optional(),
    }),
  })
  .openapi('Error');

const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: ZErrorBody } },
});

/** The error responses a route can produce, for the OpenAPI document (the body is always ZErrorBody). */
export const errors = (...statuses: Array<400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 423 | 429>) =>
  Object.fromEntries(statuses.map((s) => [s, errorResponse(ERROR_DESCRIPTIONS[s])])) as Record<
    number,
    ReturnType<typeof errorResponse>
  >;

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: 'VALIDATION',
  401: 'UNAUTHENTICATED / INVALID_CREDENTIALS / TOTP_REQUIRED / TOTP_INVALID',
  403: 'FORBIDDEN / CSRF_FAILED / PASSWORD_CHANGE_REQUIRED',
  404: 'NOT_FOUND',
  409: 'VERSION_CONFLICT / EVENT_NOT_ALLOWED / GUARD_FAILED',
  422: 'VALIDATION (workflow form) / COMMENT_REQUIRED / IDEMPOTENCY_MISMATCH',
  413: 'VALIDATION (too large)',
  415: 'VALIDATION (file type not allowed)',
  423: 'ACCOUNT_LOCKED (lockedUntil in the body)',
  429: 'RATE_LIMITED',
};

export const json = <T extends z.ZodType>(schema: T, description = 'OK') => ({
  description,
  content: { 'application/json': { schema } },
});

export const body = <T extends z.ZodType>(schema: T) => ({
  required: true,
  content: { 'application/json': { schema } },
});

export const ZPageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(500).optional(),
});

export const ZIsoDate = z.iso.datetime({ offset: true });

export const page = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });

export const ZIdParam = z.object({
  id: z
    .string()
    .min(1)
    .max(100)
    .openapi({ param: { name: 'id', in: 'path' } }),
});
