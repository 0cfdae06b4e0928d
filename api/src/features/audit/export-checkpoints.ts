import { existsSync, readFileSync } from 'node:fs';

import { ForbiddenError } from '@casl/ability';

import { appendAuditAlone } from '../../audit/append.js';
import { readCheckpoints, type TCheckpoint } from '../../audit/checkpoints.js';
import type { AppAbility } from '../../auth/ability.js';
import type { TAuthUser } from '../../auth/user.js';
import type { Deps } from '../../deps.js';
import { sha256Hex } from '../../lib/crypto.js';

/** The anchor file's lines, for the auditor to keep outside the server (三权分立: whoever may verify). */
export function listCheckpoints(
  deps: Deps,
  input: { ability: AppAbility },
): { items: TCheckpoint[]; unreadableLines: number[] } {
  ForbiddenError.from(input.ability).throwUnlessCan('verify', 'AuditEvent');
  if (!deps.auditCheckpointFile) return { items: [], unreadableLines: [] };
  const { checkpoints, unreadable } = readCheckpoints(deps.auditCheckpointFile);
  return { items: checkpoints.map(({ seq, hash, at }) => ({ seq, hash, at })), unreadableLines: unreadable };
}

/** The file byte for byte, as a download; audited like every export. */
export async function downloadCheckpoints(
  deps: Deps,
  input: { user: TAuthUser; ability: AppAbility },
): Promise<{ body: string; sha256: string }> {
  ForbiddenError.from(input.ability).throwUnlessCan('verify', 'AuditEvent');
  const file = deps.auditCheckpointFile;
  const body = file && existsSync(file) ? readFileSync(file, 'utf8') : '';
  const sha256 = sha256Hex(body);
  await appendAuditAlone(deps.db, {
    at: deps.clock().toISOString(),
    actor: input.user,
    action: 'audit.checkpoints.export',
    entityType: 'Export',
    entityId: 'audit-checkpoints',
    outcome: 'success',
    meta: { bytes: Buffer.byteLength(body), sha256 },
  });
  return { body, sha256 };
}
