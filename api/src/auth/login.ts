import type { TUserRow } from '../db/schema.js';
import { AppError } from '../errors.js';

export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MS = 15 * 60 * 1000;

/** The instant until which the account refuses every sign-in, or null. */
export function lockedUntil(user: Pick<TUserRow, 'lockedUntil'>, now: Date): Date | null {
  if (!user.lockedUntil) return null;
  const until = new Date(user.lockedUntil);
  return until > now ? until : null;
}

/** After a wrong password: count it; the fifth consecutive failure locks the account for 15 minutes. */
export function afterFailure(user: Pick<TUserRow, 'failedLogins' | 'lockedUntil'>, now: Date) {
  // A lock that has run out starts a fresh count.
  const previous = user.lockedUntil && new Date(user.lockedUntil) <= now ? 0 : user.failedLogins;
  const failedLogins = previous + 1;
  if (failedLogins >= MAX_FAILED_LOGINS) {
    return { failedLogins: 0, lockedUntil: new Date(now.getTime() + LOCKOUT_MS).toISOString(), locked: true };
  }
  return { failedLogins, lockedUntil: null, locked: false };
}

/** The 423 message names the unlock time in Beijing time, which is what users read on their clocks. */
export function lockedMessage(until: Date): { 'zh-CN': string; en: string } {
  const fmt = (locale: string) =>
    new Intl.DateTimeFormat(locale, {
      timeZone: 'Asia/Shanghai',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hour12: false,
    }).format(until);
  return {
    'zh-CN': `连续登录失败次数过多，账户已锁定，请于 ${fmt('zh-CN')}（北京时间）后再试。`,
    en: `Too many failed sign-ins: the account is locked until ${fmt('en-GB')} (Beijing time, ${until.toISOString()}).`,
  };
}

/** 423 with the unlock time, for sign-in and for a wrong current password alike. */
export const lockedError = (until: Date) =>
  new AppError('ACCOUNT_LOCKED', { message: lockedMessage(until), lockedUntil: until.toISOString() });
