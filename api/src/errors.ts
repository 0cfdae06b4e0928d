import { ForbiddenError } from '@casl/ability';
import { HTTPException } from 'hono/http-exception';
import type { z } from 'zod';

export type TLocalized = { 'zh-CN': string; en: string };

export const ERROR_CODES = [
  'VALIDATION',
  'UNAUTHENTICATED',
  'INVALID_CREDENTIALS',
  'ACCOUNT_LOCKED',
  'FORBIDDEN',
  'FOUR_EYES',
  'SEPARATION_OF_DUTIES',
  'CSRF_FAILED',
  'NOT_FOUND',
  'VERSION_CONFLICT',
  'DEFINITION_PUBLISHED',
  'EVENT_NOT_ALLOWED',
  'GUARD_FAILED',
  'CONFIRMATION_REQUIRED',
  'COMMENT_REQUIRED',
  'IDEMPOTENCY_MISMATCH',
  'RATE_LIMITED',
  'PASSWORD_CHANGE_REQUIRED',
  'TOTP_REQUIRED',
  'TOTP_INVALID',
  'AUDIT_RETENTION',
  'AUDIT_CHAIN_BROKEN',
  'TOTP_ENROLMENT_REQUIRED',
  'BUSY',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** The one mapping from code to HTTP status and to a message a person can act on. */
const CATALOG: Record<ErrorCode, { status: number; message: TLocalized }> = {
  VALIDATION: {
    status: 400,
    message: { 'zh-CN': '提交的内容有误，请检查后重试。', en: 'The request is invalid; check it and try again.' },
  },
  UNAUTHENTICATED: { status: 401, message: { 'zh-CN': '请先登录。', en: 'Please sign in.' } },
  INVALID_CREDENTIALS: { status: 401, message: { 'zh-CN': '用户名或密码错误。', en: 'Wrong username or password.' } },
  ACCOUNT_LOCKED: {
    status: 423,
    message: { 'zh-CN': '账户已锁定，请稍后再试。', en: 'The account is locked; try again later.' },
  },
  FORBIDDEN: { status: 403, message: { 'zh-CN': '您没有执行此操作的权限。', en: 'You are not allowed to do this.' } },
  FOUR_EYES: {
    status: 403,
    message: {
      'zh-CN': '您编辑过此草稿，须由其他教委管理员或教委科室审核人审核发布（四眼原则）。',
      en: 'You edited this draft; another bureau admin or a bureau reviewer must approve and publish it (four-eyes rule).',
    },
  },
  SEPARATION_OF_DUTIES: {
    status: 422,
    message: {
      'zh-CN': '三权分立：同一账户不能同时担任系统管理员、安全管理员、审计员中的两个角色。',
      en: 'Separation of duties: one account cannot hold two of system administrator, security administrator and auditor.',
    },
  },
  CSRF_FAILED: {
    status: 403,
    message: {
      'zh-CN': '安全校验失败，请刷新页面后重试。',
      en: 'Security check failed; reload the page and try again.',
    },
  },
  NOT_FOUND: { status: 404, message: { 'zh-CN': '未找到该内容。', en: 'Not found.' } },
  VERSION_CONFLICT: {
    status: 409,
    message: {
      'zh-CN': '该事项已被他人更新，请刷新后重试。',
      en: 'Someone else changed this first; reload and try again.',
    },
  },
  DEFINITION_PUBLISHED: {
    status: 409,
    message: {
      'zh-CN': '已发布的流程版本不能修改，请复制为新草稿后再编辑。',
      en: 'A published version cannot change; clone it as a new draft to edit.',
    },
  },
  EVENT_NOT_ALLOWED: {
    status: 409,
    message: { 'zh-CN': '当前环节不能执行此操作。', en: 'This action is not possible at the current step.' },
  },
  GUARD_FAILED: { status: 409, message: { 'zh-CN': '不满足办理条件。', en: 'A rule does not allow this.' } },
  CONFIRMATION_REQUIRED: {
    status: 409,
    message: { 'zh-CN': '此操作影响较大，请确认后再提交。', en: 'This has consequences; confirm it and try again.' },
  },
  COMMENT_REQUIRED: { status: 422, message: { 'zh-CN': '请填写意见。', en: 'A comment is required.' } },
  IDEMPOTENCY_MISMATCH: {
    status: 422,
    message: {
      'zh-CN': '同一幂等键被用于不同的请求内容。',
      en: 'This Idempotency-Key was already used with a different request.',
    },
  },
  RATE_LIMITED: {
    status: 429,
    message: { 'zh-CN': '请求过于频繁，请稍后再试。', en: 'Too many requests; try again later.' },
  },
  PASSWORD_CHANGE_REQUIRED: {
    status: 403,
    message: {
      'zh-CN': '请先修改初始密码后再继续操作。',
      en: 'Change your initial password before doing anything else.',
    },
  },
  TOTP_REQUIRED: {
    status: 401,
    message: {
      'zh-CN': '请输入身份验证器中的 6 位动态验证码。',
      en: 'Enter the 6-digit code from your authenticator app.',
    },
  },
  TOTP_INVALID: {
    status: 401,
    message: {
      'zh-CN': '动态验证码错误或已过期，请重新输入。',
      en: 'The authenticator code is wrong or has expired; try again.',
    },
  },
  AUDIT_RETENTION: {
    status: 422,
    message: {
      'zh-CN': '审计记录须至少保存 180 天（等保 2.0），只能归档 180 天以前的记录。',
      en: 'Audit events are kept at least 180 days (MLPS 2.0); only events older than that may be archived.',
    },
  },
  AUDIT_CHAIN_BROKEN: {
    status: 409,
    message: {
      'zh-CN': '审计链校验未通过，不能归档：请先核查被篡改的记录。',
      en: 'The audit chain does not verify, so nothing was archived: investigate the broken event first.',
    },
  },
  TOTP_ENROLMENT_REQUIRED: {
    status: 403,
    message: {
      'zh-CN': '系统管理员、安全管理员和审计员账户须先绑定身份验证器（两步验证），然后才能继续操作。',
      en: 'System administrator, security administrator and auditor accounts must set up an authenticator app (two-factor sign-in) before doing anything else.',
    },
  },
  BUSY: {
    status: 503,
    message: {
      'zh-CN': '系统正忙（数据库并发冲突），您的操作未执行，请稍后重试。',
      en: 'The system is busy (conflicting database work); nothing was changed. Please try again shortly.',
    },
  },
  INTERNAL: {
    status: 500,
    message: { 'zh-CN': '服务器内部错误，请联系管理员。', en: 'Internal error; please contact the administrator.' },
  },
};

export type TErrorBody = {
  error: {
    code: ErrorCode;
    message: TLocalized;
    fieldErrors?: Record<string, TLocalized>;
    rule?: string;
    lockedUntil?: string;
  };
  /** The request's id (also its X-Request-Id header), for a user to quote; set by the app's one error exit. */
  requestId?: string;
};

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly localized: TLocalized;
  readonly fieldErrors?: Record<string, TLocalized>;
  readonly rule?: string;
  /** ACCOUNT_LOCKED: when sign-in opens again (ISO), for the console to count down. */
  readonly lockedUntil?: string;
  /**
   * The refusal is on the audit trail already (authorize(), deniedEvent()); a 403 that reaches the error
   * handler without it is audited there, so no denial goes unrecorded and none is recorded twice.
   */
  audited = false;

  constructor(
    code: ErrorCode,
    opts: {
      status?: number;
      message?: TLocalized;
      fieldErrors?: Record<string, TLocalized>;
      rule?: string;
      lockedUntil?: string;
      cause?: unknown;
    } = {},
  ) {
    const entry = CATALOG[code];
    super(opts.message?.en ?? entry.message.en, { cause: opts.cause });
    this.code = code;
    this.status = opts.status ?? entry.status;
    this.localized = opts.message ?? entry.message;
    this.fieldErrors = opts.fieldErrors;
    this.rule = opts.rule;
    this.lockedUntil = opts.lockedUntil;
  }

  /** Marks the refusal as audited by whoever wrote its audit event; returns it, for `return denied.recorded()`. */
  recorded(): this {
    this.audited = true;
    return this;
  }

  toBody(): TErrorBody {
    const error: TErrorBody['error'] = { code: this.code, message: this.localized };
    if (this.fieldErrors) error.fieldErrors = this.fieldErrors;
    if (this.rule) error.rule = this.rule;
    if (this.lockedUntil) error.lockedUntil = this.lockedUntil;
    return { error };
  }
}

const ISSUE_ZH: Record<string, string> = {
  invalid_type: '类型不正确',
  too_small: '太短或太小',
  too_big: '太长或太大',
  invalid_format: '格式不正确',
  invalid_value: '取值不在允许范围内',
  unrecognized_keys: '包含不允许的字段',
  invalid_union: '格式不正确',
  custom: '不符合要求',
};

/** A custom check's own Chinese message, given as `params: { 'zh-CN': … }` beside its English `message`. */
const customZh = (issue: z.core.$ZodIssue): string | undefined => {
  const zh = issue.code === 'custom' ? (issue.params as Record<string, unknown> | undefined)?.['zh-CN'] : undefined;
  return typeof zh === 'string' ? zh : undefined;
};

/** zod issues → one message per field path (the first issue wins), in both languages. */
export function zodFieldErrors(error: z.ZodError): Record<string, TLocalized> {
  const out: Record<string, TLocalized> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.') || '_';
    out[key] ??= { 'zh-CN': customZh(issue) ?? ISSUE_ZH[issue.code] ?? '不符合要求', en: issue.message };
  }
  return out;
}

/** Everything thrown ends here: known errors keep their code, bad input never becomes a 500. */
export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  if (err instanceof ForbiddenError) return new AppError('FORBIDDEN', { cause: err });
  if (err instanceof HTTPException) {
    if (err.status === 401) return new AppError('UNAUTHENTICATED', { cause: err });
    if (err.status === 413) {
      return new AppError('VALIDATION', {
        status: 413,
        message: { 'zh-CN': '请求内容过大。', en: 'The request body is too large.' },
        cause: err,
      });
    }
    if (err.status < 500) {
      // Hono's validator raises 400 for malformed JSON or a wrong content type.
      return new AppError('VALIDATION', {
        message: { 'zh-CN': '请求格式不正确（需要合法的 JSON）。', en: `Malformed request: ${err.message}` },
        cause: err,
      });
    }
  }
  if (err instanceof SyntaxError) {
    return new AppError('VALIDATION', {
      message: { 'zh-CN': '请求格式不正确（需要合法的 JSON）。', en: 'Malformed JSON in request body.' },
      cause: err,
    });
  }
  return new AppError('INTERNAL', { cause: err });
}
