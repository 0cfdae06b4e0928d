import { and, asc, eq, gt, inArray, isNotNull, not, notInArray, or, type SQL, sql } from 'drizzle-orm';

import type { AppAbility } from '../../auth/ability.js';
import type { TAuthUser } from '../../auth/user.js';
import { attachments } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import { decodeCursor, pageOf } from '../../lib/cursor.js';
import { loadDefinition } from '../definitions/load-definition.js';
import { veilFor } from '../instances/blind-review.js';
import { readableInstance } from '../instances/get-instance.js';
import { type HiddenPartFiles, hiddenPartFiles, partScopes } from '../instances/part-scope.js';
import { toAttachment } from './attachment-view.js';
import type { TAttachmentQuery } from './attachments.types.js';

/**
 * An instance's files, oldest first; 404 when the caller may not read the instance. Files uploaded by
 * reviewers the caller may not know (their score sheets, in a blind or sealed review) are not listed, nor
 * the evidence another participant attached to their own part of a collect step (another school's).
 */
export async function listAttachments(
  deps: Deps,
  input: { user: TAuthUser; ability: AppAbility; query: TAttachmentQuery },
) {
  const q = input.query;
  const row = await readableInstance(deps, input.user, input.ability, q.instanceId);
  const def = (await loadDefinition(deps, row.definitionId))?.def;
  const hidden = def ? [...(await veilFor(deps, { def, row, user: input.user, ability: input.ability })).people] : [];
  const where: SQL[] = [eq(attachments.instanceId, q.instanceId)];
  if (hidden.length) where.push(notInArray(attachments.uploadedBy, hidden));
  if (def) where.push(...partFilesOut(hiddenPartFiles(partScopes(def, row, input.user, input.ability), input.user.id)));
  const cursor = decodeCursor(q.cursor, 2);
  if (cursor) {
    const [at, id] = cursor.map(String);
    const after = or(gt(attachments.createdAt, at), and(eq(attachments.createdAt, at), gt(attachments.id, id)));
    if (after) where.push(after);
  }
  const rows = await deps.db
    .select()
    .from(attachments)
    .where(and(...where))
    .orderBy(asc(attachments.createdAt), asc(attachments.id))
    .limit(q.limit + 1);
  const page = pageOf(rows, q.limit, (r) => [r.createdAt, r.id]);
  return { items: page.items.map(toAttachment), nextCursor: page.nextCursor };
}

/** Bounded by one instance's participants and one step's fields. */
function partFilesOut(hidden: HiddenPartFiles): SQL[] {
  return hidden.flatMap(({ people, fields }) => {
    const onField = or(
      inArray(attachments.field, fields),
      ...fields.map((f) => sql`substr(${attachments.field}, 1, ${f.length + 1}) = ${`${f}.`}`),
    );
    // isNotNull first: a file on no field stays listed (NOT over a NULL comparison would drop it).
    const theirs = and(isNotNull(attachments.field), inArray(attachments.uploadedBy, people), onField);
    return theirs ? [not(theirs)] : [];
  });
}
