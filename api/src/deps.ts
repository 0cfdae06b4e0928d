import type { Db } from './db/client.js';

/** What every use-case needs from the outside world; tests inject the clock. */
export type Deps = {
  db: Db;
  clock: () => Date;
  /** Set cookies with `Secure` (behind HTTPS). */
  secureCookies?: boolean;
  appVersion?: string;
  /** EDUFLOW_PASSWORD_MAX_AGE_DAYS: past it, sign-in asks for a new password; undefined = never. */
  passwordMaxAgeDays?: number;
  /** `<data>/audit-checkpoints.log`: the chain head anchored outside the database (ADR 0004). Unset: no checkpoints. */
  auditCheckpointFile?: string;
};

export const nowIso = (deps: Pick<Deps, 'clock'>): string => deps.clock().toISOString();
