import { and, asc, desc, eq, gt, lt, or, type SQL } from 'drizzle-orm';

import type { AppAbility } from '../../auth/ability.js';
import { rulesToWhere } from '../../auth/ability-sql.js';
import { referenceData, type TReferenceRow } from '../../db/schema.js';
import { type Deps, memoRead } from '../../deps.js';
import { decodeCursor, pageOf } from '../../lib/cursor.js';
import { draftReviews, REFERENCE_DRAFTS, type TDraftReview } from '../four-eyes.js';
import { CONTENT_SCHEMAS, type TReference, type TReferenceKind, type TReferenceQuery } from './reference.types.js';

/** A row as the API answers it, with who edited it and who published it (see draftReviews). */
// A stored body was parsed by its kind's CONTENT_SCHEMAS on write, so it is the kind's document.
export const toReference = (row: TReferenceRow, review: TDraftReview): TReference =>
  ({
    id: row.id,
    kind: row.kind,
    key: row.key,
    version: row.version,
    status: row.status,
    name: row.name,
    content: row.body,
    createdAt: row.createdAt,
    publishedAt: row.publishedAt,
    editors: review.editors,
    publishedBy: review.publishedBy,
  }) as TReference;

/** One row with its review, for the use-cases that answer a single version. */
export const referenceOf = async (deps: Pick<Deps, 'db'>, row: TReferenceRow): Promise<TReference> =>
  toReference(
    row,
    (await draftReviews(deps, REFERENCE_DRAFTS, [row])).get(row.id) ?? { editors: [], publishedBy: null },
  );

const REFERENCE_FIELDS = { id: referenceData.id, status: referenceData.status };

/** Reference data of one kind the caller may read (drafts: bureau admins only): by key, newest version first, keyset-paginated. */
export async function listReference(
  deps: Deps,
  input: { ability: AppAbility; kind: TReferenceKind; query: TReferenceQuery },
): Promise<{ items: TReference[]; nextCursor: string | null }> {
  const q = input.query;
  const where: SQL[] = [
    eq(referenceData.kind, input.kind),
    rulesToWhere(input.ability, 'read', 'ReferenceData', REFERENCE_FIELDS),
  ];
  if (q.status) where.push(eq(referenceData.status, q.status));
  if (q.key) where.push(eq(referenceData.key, q.key));
  const cursor = decodeCursor(q.cursor, 2);
  if (cursor) {
    const [key, version] = [String(cursor[0]), Number(cursor[1])];
    where.push(or(gt(referenceData.key, key), and(eq(referenceData.key, key), lt(referenceData.version, version)))!);
  }
  const rows = await deps.db
    .select()
    .from(referenceData)
    .where(and(...where))
    .orderBy(asc(referenceData.key), desc(referenceData.version))
    .limit(q.limit + 1);
  const page = pageOf(rows, q.limit, (r) => [r.key, r.version]);
  const reviews = await draftReviews(deps, REFERENCE_DRAFTS, page.items);
  return {
    items: page.items.map((r) => toReference(r, reviews.get(r.id) ?? { editors: [], publishedBy: null })),
    nextCursor: page.nextCursor,
  };
}

/**
 * The newest published version of a kind (for one key when given), parsed by its schema: what the
 * workflows' rules read. Null when the bureau has published none.
 */
export async function loadPublished<K extends TReferenceKind>(deps: Pick<Deps, 'db' | 'reads'>, kind: K, key?: string) {
  return await memoRead(deps, `published:${kind}:${key ?? ''}`, () => readPublished(deps, kind, key));
}

async function readPublished<K extends TReferenceKind>(deps: Pick<Deps, 'db'>, kind: K, key?: string) {
  const where: SQL[] = [eq(referenceData.kind, kind), eq(referenceData.status, 'published')];
  if (key !== undefined) where.push(eq(referenceData.key, key));
  const row = (
    await deps.db
      .select()
      .from(referenceData)
      .where(and(...where))
      .orderBy(desc(referenceData.publishedAt), desc(referenceData.version))
      .limit(1)
  )[0];
  if (!row) return null;
  const parsed = CONTENT_SCHEMAS[kind].safeParse(row.body);
  // TypeScript cannot narrow the schema by the generic kind; the value was parsed by exactly that schema.
  return parsed.success ? { row, content: parsed.data as ReturnType<(typeof CONTENT_SCHEMAS)[K]['parse']> } : null;
}
