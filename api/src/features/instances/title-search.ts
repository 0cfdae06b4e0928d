import { type SQL, sql } from 'drizzle-orm';

import { instances } from '../../db/schema.js';
import { jsonText, type TOn } from '../../db/sql-dialect.js';
import { AppError } from '../../errors.js';

/** `%`, `_` and the escape character itself match literally: a title search is words, not a pattern. */
const literal = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * Instances whose title (either language) contains the words. A substring test cannot use an index, so it
 * only runs on rows something selective already walks — the caller's own scope, their own instances, one
 * school's or group's; asked over the whole district it is refused with what to narrow by, not scanned.
 */
export function titleSearch(on: TOn, q: string, opts: { bounded: boolean }): SQL | AppError {
  if (!opts.bounded)
    return new AppError('VALIDATION', {
      status: 422,
      fieldErrors: {
        q: {
          'zh-CN': '按标题搜索全区实例前，请先选择学校或教育集团',
          en: 'Pick a school or education group before searching the whole district by title',
        },
      },
    });
  const pattern = literal(q);
  const [zh, en] = [jsonText(on, instances.title, ['zh-CN']), jsonText(on, instances.title, ['en'])];
  return sql`(${zh} LIKE ${pattern} ESCAPE '\\' OR ${en} LIKE ${pattern} ESCAPE '\\')`;
}
