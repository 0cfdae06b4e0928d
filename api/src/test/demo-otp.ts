import { DEMO_USERS } from '@eduflow/seeds';

import { totpNow } from '../auth/totp.js';

const DEMO_TOTP: Record<string, string> = Object.fromEntries(
  DEMO_USERS.flatMap((u) => ('totp' in u ? [[u.username, u.totp]] : [])),
);
const usedSteps = new Map<string, number>();

/**
 * The next code for a demo power (admin, secadmin, auditor sign in with two factors): the server takes
 * each 30-second step once per account, so a step already used is skipped, waiting for the next if need be.
 */
export async function demoOtp(url: string, username: string): Promise<string | undefined> {
  const secret = DEMO_TOTP[username];
  if (!secret) return undefined;
  const key = `${url} ${username}`;
  for (;;) {
    const step = Math.floor(Date.now() / 30_000);
    const candidate = Math.max(step, (usedSteps.get(key) ?? -Infinity) + 1);
    if (candidate <= step + 1) {
      usedSteps.set(key, candidate);
      return totpNow(secret, new Date(candidate * 30_000));
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
}
