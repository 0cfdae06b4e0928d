import { z } from 'zod';

export const BACKUP_FORMAT = 'eduflow-backup';
export const BACKUP_MANIFEST_NAME = 'manifest.json';

/** What a backup folder holds and the SHA-256 of every file in it; restore refuses any file that differs or is not listed. */
export const ZBackupManifest = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(1),
  createdAt: z.string(),
  appVersion: z.string(),
  source: z.object({ dataDir: z.string(), host: z.string() }),
  database: z.object({
    file: z.string(),
    /** Migrations applied to the snapshot: restore applies newer ones from the code it runs. */
    migrations: z.number().int(),
    auditHead: z.object({ seq: z.number().int(), hash: z.string() }).nullable(),
    /** Where its live chain begins (the last archive's last seq), 0 when nothing was archived. */
    auditAnchorSeq: z.number().int(),
    attachments: z.number().int(),
  }),
  files: z.array(
    z.object({ path: z.string(), bytes: z.number().int().nonnegative(), sha256: z.string().regex(/^[0-9a-f]{64}$/) }),
  ),
});
export type TBackupManifest = z.infer<typeof ZBackupManifest>;
