import { Secret, TOTP } from 'otpauth';

const ISSUER = 'EduFlow';

const totpOf = (secret: string, label = 'account') =>
  new TOTP({ issuer: ISSUER, label, algorithm: 'SHA1', digits: 6, period: 30, secret: Secret.fromBase32(secret) });

/** A fresh 160-bit secret (base32) and the otpauth:// URI an authenticator app scans as a QR code. */
export function newTotpSecret(username: string): { secret: string; uri: string } {
  return totpEnrolment(username, new Secret({ size: 20 }).base32);
}

/** A known secret with its otpauth:// URI (a pending enrolment shown again). */
export const totpEnrolment = (username: string, secret: string): { secret: string; uri: string } => ({
  secret,
  uri: totpOf(secret, username).toString(),
});

/**
 * The 30-second step the 6-digit code belongs to when it matches now or one step either side (clock
 * drift on phones), else null. Callers refuse a step at or before the last one accepted (no replays).
 */
export function totpStep(secret: string, code: string, now: Date): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const delta = totpOf(secret).validate({ token: code, timestamp: now.getTime(), window: 1 });
  return delta === null ? null : Math.floor(now.getTime() / 30_000) + delta;
}

export const totpValid = (secret: string, code: string, now: Date): boolean => totpStep(secret, code, now) !== null;

/** The current code, for tests and for the seeds' documentation only. */
export const totpNow = (secret: string, now: Date): string => totpOf(secret).generate({ timestamp: now.getTime() });
