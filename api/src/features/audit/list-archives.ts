import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { ForbiddenError } from '@casl/ability';

import { archiveRecords } from '../../audit/anchor.js';
import { type TArchiveManifest, ZArchiveManifest } from '../../audit/archive-format.js';
import type { AppAbility } from '../../auth/ability.js';
import { AUDIT_ARCHIVES_DIR_NAME, dataDirOf } from '../../data-dir.js';
import type { Deps } from '../../deps.js';

/** The archive manifests in the data folder, newest first; an unreadable manifest is skipped (the verifier names it). */
export function archiveManifests(deps: Pick<Deps, 'db' | 'dataDir'>): TArchiveManifest[] {
  const dir = join(dataDirOf(deps), AUDIT_ARCHIVES_DIR_NAME);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.manifest.json'))
    .flatMap((name) => {
      try {
        const parsed = ZArchiveManifest.safeParse(JSON.parse(readFileSync(join(dir, name), 'utf8')));
        return parsed.success ? [parsed.data] : [];
      } catch {
        return [];
      }
    })
    .sort((a, b) => b.fromSeq - a.fromSeq);
}

/**
 * 已归档: every archive kept on the server, and whether the live chain still holds its archive event
 * (a later archive moves older archive events into its own file).
 */
export async function listArchives(deps: Deps, input: { ability: AppAbility }) {
  ForbiddenError.from(input.ability).throwUnlessCan('archive', 'AuditEvent');
  const recorded = new Map((await archiveRecords(deps.db)).map((r) => [r.archiveId, r]));
  return {
    items: archiveManifests(deps).map((m) => ({
      ...m,
      recordedAt: recorded.get(m.archiveId)?.at ?? null,
      recordedSeq: recorded.get(m.archiveId)?.eventSeq ?? null,
    })),
  };
}
