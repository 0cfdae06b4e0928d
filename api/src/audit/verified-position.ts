import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';

import { z } from 'zod';

/**
 * How far GET /api/audit/verify has proved the chain: the seq and hash of the last row it walked, when,
 * and when the chain was last walked in full. A cache, not evidence: a missing or unreadable file only
 * means the next verify walks from the anchor again.
 */
const ZVerifiedPosition = z.object({
  seq: z.number().int().nonnegative(),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  at: z.string(),
  fullAt: z.string().nullable(),
});
export type TVerifiedPosition = z.infer<typeof ZVerifiedPosition>;

export function readVerifiedPosition(file: string): TVerifiedPosition | null {
  if (!existsSync(file)) return null;
  try {
    const parsed = ZVerifiedPosition.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Temp file + rename: a crash leaves the old position or the new one, never half of either. */
export function writeVerifiedPosition(file: string, position: TVerifiedPosition): void {
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, `${JSON.stringify(position)}\n`, { mode: 0o640 });
  renameSync(temp, file);
}
