import { existsSync } from 'node:fs';
import { join } from 'node:path';

import { appendAudit } from '../../audit/append.js';
import type { TAuthUser } from '../../auth/user.js';
import { AUDIT_ARCHIVES_DIR_NAME, dataDirOf } from '../../data-dir.js';
import { txOrThrow } from '../../db/client.js';
import type { Deps } from '../../deps.js';
import { AppError } from '../../errors.js';
import { authorize } from '../authorize.js';
import { archiveManifests } from './list-archives.js';

/** An archive (or its manifest) for the auditor to keep off the server; audited like every export. */
export async function downloadArchive(
  deps: Deps,
  input: { actor: TAuthUser; archiveId: string; part: 'file' | 'manifest' },
): Promise<{ path: string; name: string }> {
  return await txOrThrow(deps.db, async () => {
    const denied = await authorize(deps, input.actor, {
      action: 'archive',
      type: 'AuditEvent',
      auditAction: 'audit.archive.export',
    });
    if (denied) return denied;
    const manifest = archiveManifests(deps).find((m) => m.archiveId === input.archiveId);
    const name =
      manifest && (input.part === 'file' ? manifest.file : manifest.file.replace(/\.jsonl\.gz$/, '.manifest.json'));
    const path = name ? join(dataDirOf(deps), AUDIT_ARCHIVES_DIR_NAME, name) : null;
    if (!manifest || !name || !path || !existsSync(path)) return new AppError('NOT_FOUND');
    await appendAudit(deps.db, {
      at: deps.clock().toISOString(),
      actor: input.actor,
      action: 'audit.archive.export',
      entityType: 'Export',
      entityId: manifest.archiveId,
      outcome: 'success',
      meta: { part: input.part, file: name, sha256: input.part === 'file' ? manifest.sha256 : null },
    });
    return { path, name };
  });
}
