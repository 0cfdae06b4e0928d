import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';

import { idempotencyKeys } from '../db/schema.js';
import { takeTurnsOn } from '../db/take-turns.js';
import type { Deps } from '../deps.js';
import { AppError } from '../errors.js';
import { canonicalJson } from './canonical-json.js';
import { sha256Hex } from './crypto.js';

export type TIdempotency = { key: string; userId: string; requestHash: string };

/** Identifies "the same request": method, path and body, canonicalised. */
export const requestHash = (method: string, path: string, body: unknown): string =>
  sha256Hex(canonicalJson({ method, path, body }));

/**
 * Inside the write transaction: the stored answer when this key was used for the same request,
 * IDEMPOTENCY_MISMATCH when it was used for a different one, null when it is new.
 */
export async function replayOf<T>(
  deps: Deps,
  idem: TIdempotency | undefined,
  schema: z.ZodType<T>,
): Promise<{ status: number; body: T } | AppError | null> {
  if (!idem) return null;
  // The same key sent twice at once (a retry that overtook the first, on another node): the second waits
  // for the first to commit and then replays its answer instead of writing again (take-turns.ts).
  await takeTurnsOn(deps.db, [`idempotency:${idem.userId}:${idem.key}`]);
  const row = (
    await deps.db
      .select()
      .from(idempotencyKeys)
      .where(and(eq(idempotencyKeys.userId, idem.userId), eq(idempotencyKeys.key, idem.key)))
      .limit(1)
  )[0];
  if (!row) return null;
  if (row.requestHash !== idem.requestHash) return new AppError('IDEMPOTENCY_MISMATCH');
  // The stored answer is replayed byte for byte (key order included), after checking it still has the shape.
  const body = row.responseBody;
  if (!isShaped(schema, body)) return new AppError('INTERNAL');
  return { status: row.responseStatus, body };
}

/** Stores a successful answer in the same transaction as the write it describes. */
export async function rememberResponse(
  deps: Deps,
  idem: TIdempotency | undefined,
  status: number,
  body: unknown,
): Promise<void> {
  if (!idem) return;
  await deps.db
    .insert(idempotencyKeys)
    .values({ ...idem, responseStatus: status, responseBody: body, createdAt: deps.clock().toISOString() });
}

const isShaped = <T>(schema: z.ZodType<T>, value: unknown): value is T => schema.safeParse(value).success;
