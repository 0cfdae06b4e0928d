import type { TUserRow } from '../db/schema.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** EDUFLOW_PASSWORD_MAX_AGE_DAYS: unset or empty = passwords never expire; otherwise a whole number of days ≥ 1. */
export function passwordMaxAgeDays(env: NodeJS.ProcessEnv = process.env): number | undefined {
  const raw = env.EDUFLOW_PASSWORD_MAX_AGE_DAYS?.trim();
  if (!raw) return undefined;
  const days = Number(raw);
  if (!Number.isInteger(days) || days < 1)
    throw new Error(`EDUFLOW_PASSWORD_MAX_AGE_DAYS must be a whole number of days ≥ 1 (got “${raw}”)`);
  return days;
}

/** Whether the password is older than the maximum age; an account never changed counts from its creation. */
export function passwordExpired(
  user: Pick<TUserRow, 'passwordChangedAt' | 'createdAt'>,
  maxAgeDays: number | undefined,
  now: Date,
): boolean {
  if (!maxAgeDays) return false;
  const since = new Date(user.passwordChangedAt ?? user.createdAt).getTime();
  return now.getTime() - since >= maxAgeDays * DAY_MS;
}
