import { App } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { isApiError } from '../providers/http';
import { postForm } from '../providers/upload';
import type { Attachment } from '../types/contract';
import { useLocalize } from './localized-text';

/** The API's limit per file (api/src/features/attachments): refused here first, before any bytes are sent. */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

/** POST /attachments: a file for an instance, optionally for one of its fields (a checklist item's `<table>.<code>`). */
export function postAttachment(instanceId: string, file: File, field?: string): Promise<Attachment> {
  const form = new FormData();
  form.append('file', file);
  form.append('instanceId', instanceId);
  if (field) form.append('field', field);
  return postForm<Attachment>('/attachments', form);
}

/**
 * One upload as the console does it everywhere: too large is refused before sending, the button spins
 * meanwhile, success and the server's own refusal are toasted. `send` does the request and the cache.
 */
export function useFileUpload(send: (file: File) => Promise<Attachment>, successText: (saved: Attachment) => string) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const { message } = App.useApp();
  const [uploading, setUploading] = useState(false);
  const upload = async (file: File) => {
    if (file.size > MAX_UPLOAD_BYTES) {
      void message.error(t('attachments.tooLarge', { name: file.name }));
      return;
    }
    setUploading(true);
    try {
      const saved = await send(file);
      void message.success(successText(saved));
    } catch (e) {
      void message.error(isApiError(e) && e.localized ? localize(e.localized) : t('attachments.uploadFailed'));
    } finally {
      setUploading(false);
    }
  };
  return { uploading, upload };
}
