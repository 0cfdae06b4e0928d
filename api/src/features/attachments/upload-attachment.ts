import { createHash } from 'node:crypto';

import { eq } from 'drizzle-orm';

import { appendAudit } from '../../audit/append.js';
import type { TAuthUser } from '../../auth/user.js';
import { txOrThrow } from '../../db/client.js';
import { attachments, instances, type TAttachmentRow } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import { AppError } from '../../errors.js';
import { authorize } from '../authorize.js';
import { instanceSubject } from '../instances/instance-subject.js';
import { isIndicatorRow } from '../workflow-rules/indicator-rows.js';
import { storeFile } from './attachment-store.js';
import { toAttachment } from './attachment-view.js';
import { MAX_ATTACHMENT_BYTES, type TAttachment, type TUploadForm } from './attachments.types.js';
import { ALLOWED_EXTENSIONS, fileTypeOf } from './file-types.js';
import { hasItem, parseItemField } from './item-evidence.js';

const fileError = (zh: string, en: string, status = 422) =>
  new AppError('VALIDATION', { status, fieldErrors: { file: { 'zh-CN': zh, en } } });

/** Evidence for an instance: whoever may act on it may attach files; the SHA-256 is recorded and audited. */
export async function uploadAttachment(deps: Deps, input: TUploadForm & { actor: TAuthUser }): Promise<TAttachment> {
  const { file } = input;
  if (file.size > MAX_ATTACHMENT_BYTES) throw fileError('文件不能超过 20 MB', 'Files may be at most 20 MB', 413);
  if (file.size === 0) throw fileError('文件是空的', 'The file is empty');
  return await saveAttachment(deps, {
    actor: input.actor,
    instanceId: input.instanceId,
    field: input.field,
    name: file.name,
    bytes: new Uint8Array(await file.arrayBuffer()),
  });
}

/** The upload once its bytes are read (the demo seeds attach their evidence through here too). */
export async function saveAttachment(
  deps: Deps,
  input: { actor: TAuthUser; instanceId: string; field?: string; name: string; bytes: Uint8Array },
): Promise<TAttachment> {
  const { actor, bytes } = input;
  // Bidirectional controls (U+202E …) would make `gpj.exe` display as `exe.jpg`: they are dropped, not shown.
  const name =
    input.name
      .replace(/[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]/g, '')
      // eslint-disable-next-line no-control-regex -- control characters are what this replaces
      .replace(/[\\/\u0000-\u001f]/g, '_')
      .slice(-200) || 'file';
  const mime = fileTypeOf(name, bytes.subarray(0, 16));
  if (!mime) {
    throw fileError(
      `只能上传以下类型：${ALLOWED_EXTENSIONS.join('、')}（且内容须与扩展名一致）`,
      `Allowed types: ${ALLOWED_EXTENSIONS.join(', ')} (and the content must match the extension)`,
      415,
    );
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return await txOrThrow(deps.db, async () => {
    const instance = (await deps.db.select().from(instances).where(eq(instances.id, input.instanceId)).limit(1))[0];
    if (!instance) return new AppError('NOT_FOUND');
    const denied = await authorize(deps, actor, {
      action: 'act',
      type: 'Instance',
      target: await instanceSubject(deps, instance, actor),
      entityId: instance.id,
      auditAction: 'attachment.upload',
      hideUnreadable: true,
    });
    if (denied) return denied;
    const item = parseItemField(input.field);
    if (item && !hasItem(instance.data, item.table, item.code) && !(await isIndicatorRow(deps, instance, item))) {
      return new AppError('VALIDATION', {
        status: 422,
        fieldErrors: {
          field: { 'zh-CN': `表单中没有检查项 ${item.code}`, en: `The form has no checklist item ${item.code}` },
        },
      });
    }
    // Inside the transaction: a refused upload leaves no file behind (content-addressed writes are idempotent).
    const storagePath = storeFile(deps, sha256, bytes);
    const row: TAttachmentRow = {
      id: crypto.randomUUID(),
      instanceId: instance.id,
      field: input.field ?? null,
      name,
      mime,
      size: bytes.byteLength,
      sha256,
      storagePath,
      uploadedBy: actor.id,
      createdAt: deps.clock().toISOString(),
    };
    await deps.db.insert(attachments).values(row);
    await appendAudit(deps.db, {
      at: row.createdAt,
      actor,
      action: 'attachment.upload',
      entityType: 'Instance',
      entityId: instance.id,
      outcome: 'success',
      after: { attachmentId: row.id, name, mime, size: row.size, sha256, field: row.field },
    });
    return toAttachment(row);
  });
}
