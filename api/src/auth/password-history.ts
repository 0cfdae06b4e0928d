import { desc, eq, inArray } from 'drizzle-orm';

import type { Db } from '../db/client.js';
import { passwordHistory } from '../db/schema.js';
import { writeOrder } from '../db/sql-dialect.js';
import { verifyPassword } from './password.js';
import { PASSWORD_HISTORY, PASSWORD_RULE_MESSAGES, type TPasswordRefusal } from './password-policy.js';

/** The account's current hash and its previous ones, newest first: the last PASSWORD_HISTORY passwords. */
export async function recentHashes(db: Db, userId: string, currentHash: string): Promise<string[]> {
  const previous = await db
    .select({ hash: passwordHistory.passwordHash })
    .from(passwordHistory)
    .where(eq(passwordHistory.userId, userId))
    .orderBy(desc(passwordHistory.changedAt), desc(writeOrder(db)))
    .limit(PASSWORD_HISTORY - 1);
  return [currentHash, ...previous.map((r) => r.hash)];
}

/** The history refusal when the password matches one of those hashes (argon2 verify: run outside a write transaction). */
export async function recentPasswordRefusal(hashes: string[], password: string): Promise<TPasswordRefusal | null> {
  const matches = await Promise.all(hashes.map((h) => verifyPassword(h, password)));
  return matches.some(Boolean) ? { rule: 'history', message: PASSWORD_RULE_MESSAGES.history } : null;
}

/** Keeps the hash being replaced, and forgets those older than the history needs. Call inside the write transaction. */
export async function rememberPreviousPassword(db: Db, userId: string, oldHash: string, at: string): Promise<void> {
  await db.insert(passwordHistory).values({ userId, passwordHash: oldHash, changedAt: at });
  const stale = (
    await db
      .select({ id: passwordHistory.id })
      .from(passwordHistory)
      .where(eq(passwordHistory.userId, userId))
      .orderBy(desc(passwordHistory.changedAt), desc(writeOrder(db)))
  )
    // Bounded: pruned on every insert, so at most PASSWORD_HISTORY + 1 rows.
    .slice(PASSWORD_HISTORY);
  if (stale.length)
    await db.delete(passwordHistory).where(
      inArray(
        passwordHistory.id,
        stale.map((r) => r.id),
      ),
    );
}
