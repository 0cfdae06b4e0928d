import { eq, sql } from 'drizzle-orm';

import { tx } from '../db/client.js';
import { prepared } from '../db/prepared.js';
import { sessions, type TSessionRow } from '../db/schema.js';
import type { Deps } from '../deps.js';
import { randomToken, sha256Hex } from '../lib/crypto.js';

export const SESSION_IDLE_MS = 30 * 60 * 1000;
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60 * 1000;
/** Touch last_seen_at at most once a minute: idle accuracy to the minute, not one write per request. */
const TOUCH_EVERY_MS = 60 * 1000;

/** Creates a session; only the SHA-256 of the token is stored. Call inside a transaction. */
export async function createSession(deps: Deps, userId: string): Promise<{ token: string; session: TSessionRow }> {
  const token = randomToken(32);
  const now = deps.clock();
  const session: TSessionRow = {
    id: sha256Hex(token),
    userId,
    csrfToken: randomToken(32),
    createdAt: now.toISOString(),
    lastSeenAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + SESSION_ABSOLUTE_MS).toISOString(),
  };
  await deps.db.insert(sessions).values(session);
  return { token, session };
}

/** The live session for a cookie token, or null when missing, idle for 30 min, or past its 12 h. */
export async function resolveSession(deps: Deps, token: string): Promise<TSessionRow | null> {
  const id = sha256Hex(token);
  // Every signed-in request reads it: built once per connection (db/prepared.ts).
  const row = await prepared(deps.db, 'session.byId', (d) =>
    d
      .select()
      .from(sessions)
      .where(eq(sessions.id, sql.placeholder('id')))
      .prepare(),
  ).get({ id });
  if (!row) return null;
  const now = deps.clock().getTime();
  const idleFor = now - Date.parse(row.lastSeenAt);
  if (now >= Date.parse(row.expiresAt) || idleFor >= SESSION_IDLE_MS) {
    await tx(deps.db, () => deps.db.delete(sessions).where(eq(sessions.id, id)));
    return null;
  }
  if (idleFor >= TOUCH_EVERY_MS) {
    const lastSeenAt = new Date(now).toISOString();
    await tx(deps.db, () => deps.db.update(sessions).set({ lastSeenAt }).where(eq(sessions.id, id)));
    return { ...row, lastSeenAt };
  }
  return row;
}

export async function deleteSession(deps: Deps, sessionId: string): Promise<void> {
  await tx(deps.db, () => deps.db.delete(sessions).where(eq(sessions.id, sessionId)));
}
