import { type DestinationStream, type Logger, pino } from 'pino';

export type { Logger };

// Whatever could let a reader act as someone else never reaches a log line, even if a caller logs a body.
const REDACT = [
  'password',
  '*.password',
  '*.newPassword',
  '*.currentPassword',
  '*.code',
  '*.otp',
  '*.token',
  '*.csrfToken',
  'headers.authorization',
  'headers.cookie',
  'headers["x-csrf-token"]',
  '*.headers.authorization',
  '*.headers.cookie',
  '*.headers["x-csrf-token"]',
];

/**
 * JSON lines on stdout (pino's default destination, asynchronous-safe and cheap). The level comes from
 * EDUFLOW_LOG_LEVEL (default info); under vitest the default is silent so test output stays quiet.
 */
export function createLogger(opts: { level?: string; destination?: DestinationStream } = {}): Logger {
  const level = opts.level ?? process.env.EDUFLOW_LOG_LEVEL ?? (process.env.VITEST ? 'silent' : 'info');
  const options = { level, redact: { paths: REDACT, censor: '[redacted]' }, base: undefined };
  return opts.destination ? pino(options, opts.destination) : pino(options);
}

/** The process's logger, for code outside a request (schedulers, start-up). */
export const logger = createLogger();
