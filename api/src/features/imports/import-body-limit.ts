import { bodyLimit } from 'hono/body-limit';

import { AppError } from '../../errors.js';

const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

/** Spreadsheet and calendar imports: 5 MB, refused as 413 on the `file` field before the upload is read. */
export const importBodyLimit = () =>
  bodyLimit({
    maxSize: MAX_IMPORT_BYTES,
    onError: () => {
      throw new AppError('VALIDATION', {
        status: 413,
        fieldErrors: { file: { 'zh-CN': '导入文件不能超过 5 MB', en: 'Import files may be at most 5 MB' } },
      });
    },
  });
