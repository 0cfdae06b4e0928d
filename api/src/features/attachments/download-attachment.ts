import { createReadStream, existsSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';

import { eq } from 'drizzle-orm';

import { appendAuditAlone } from '../../audit/append.js';
import type { AppAbility } from '../../auth/ability.js';
import type { TAuthUser } from '../../auth/user.js';
import { tx } from '../../db/client.js';
import { attachments, type TAttachmentRow } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import { AppError } from '../../errors.js';
import { loadDefinition } from '../definitions/load-definition.js';
import { veilFor } from '../instances/blind-review.js';
import { readableInstance } from '../instances/get-instance.js';
import { hiddenPartFiles, hidesFile, partScopes } from '../instances/part-scope.js';
import { deniedEvent } from '../instances/refusal.js';
import { attachmentsDir } from './attachment-store.js';

/**
 * Opens a file for whoever may read its instance, except one a reviewer uploaded whom the caller may not
 * know (blind-review.ts) or another participant's evidence for their own part (part-scope.ts): that answers
 * 404 like a file that is not there. Every download and opened
 * preview is audited; an image drawn as a thumbnail beside its checklist item is not (issue 12.11b): a
 * page showing evidence is not someone taking it, and it would bury the real downloads in the history.
 */
export async function downloadAttachment(
  deps: Deps,
  input: { user: TAuthUser; ability: AppAbility; id: string; thumbnail?: boolean },
): Promise<{ row: TAttachmentRow; body: ReadableStream }> {
  const row = (await deps.db.select().from(attachments).where(eq(attachments.id, input.id)).limit(1))[0];
  if (!row) throw new AppError('NOT_FOUND');
  const instance = await readableInstance(deps, input.user, input.ability, row.instanceId);
  const def = (await loadDefinition(deps, instance.definitionId))?.def;
  if (
    def &&
    ((await veilFor(deps, { def, row: instance, user: input.user, ability: input.ability })).people.has(
      row.uploadedBy,
    ) ||
      hidesFile(hiddenPartFiles(partScopes(def, instance, input.user, input.ability), input.user.id), row))
  ) {
    const denied = new AppError('NOT_FOUND');
    await tx(deps.db, () =>
      deniedEvent(deps, {
        actor: input.user,
        action: 'attachment.download',
        instanceId: row.instanceId,
        error: denied,
        meta: { attachmentId: row.id },
      }),
    );
    throw denied;
  }
  if (input.thumbnail && !row.mime.startsWith('image/'))
    throw new AppError('VALIDATION', {
      status: 422,
      message: {
        'zh-CN': '只有图片可以缩略图方式显示，请下载该文件查看',
        en: 'Only images show as thumbnails; download the file',
      },
    });
  const path = join(attachmentsDir(deps), row.storagePath);
  if (!existsSync(path))
    throw new AppError('NOT_FOUND', {
      message: {
        'zh-CN': '附件文件已丢失，请联系管理员。',
        en: 'The stored file is missing; contact the administrator.',
      },
    });
  if (!input.thumbnail)
    await appendAuditAlone(deps.db, {
      at: deps.clock().toISOString(),
      actor: input.user,
      action: 'attachment.download',
      entityType: 'Instance',
      entityId: row.instanceId,
      outcome: 'success',
      meta: { attachmentId: row.id, sha256: row.sha256 },
    });
  return { row, body: Readable.toWeb(createReadStream(path)) as ReadableStream };
}
