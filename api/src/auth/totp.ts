import { Secret, TOTP } from 'otpauth';

const ISSUER = 'EduFlow';

const totpOf = (secret: string, label = 'account') =>
  new TOTP({ issuer: ISSUER, label, algorithm: 'SHA1', digits: 6, period: 30, secret: Secret.fromBase32(secret) });

/** A fresh 160-bit secret (base32) and the otpauth:// URI an authenticator app scans as a QR code. */
export function newTotpSecret(username: string): { secret: string; uri: string } {
  const secret = new Secret({ size: 20 }).base32;
  return { secret, uri: totpOf(secret, username).toString() };
}

/** True when the 6-digit code matches now, or one 30-second step either side (clock drift on phones). */
export function totpValid(secret: string, code: string, now: Date): boolean {
  if (!/^\d{6}$/.test(code)) return false;
  return totpOf(secret).validate({ token: code, timestamp: now.getTime(), window: 1 }) !== null;
}

/** The current code, for tests and for the seeds' documentation only. */
export const totpNow = (secret: string, now: Date): string => totpOf(secret).generate({ timestamp: now.getTime() });
