import type { Db } from './db/client.js';

/** What every use-case needs from the outside world; tests inject the clock. */
export type Deps = {
  db: Db;
  clock: () => Date;
  /** Set cookies with `Secure` (behind HTTPS). */
  secureCookies?: boolean;
  appVersion?: string;
  /** `<data>/audit-checkpoints.log`: the chain head anchored outside the database (ADR 0004). Unset: no checkpoints. */
  auditCheckpointFile?: string;
};

export const nowIso = (deps: Pick<Deps, 'clock'>): string => deps.clock().toISOString();
