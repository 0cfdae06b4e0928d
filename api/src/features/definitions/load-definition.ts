import { eq } from 'drizzle-orm';

import { cachedByGeneration } from '../../db/generation-cache.js';
import { definitions, type TDefinitionRow } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import { parseDefinition, parsePublishedDefinition, type TDefinition } from '../../engine.js';
import { AppError } from '../../errors.js';
import { logger } from '../../log/logger.js';
import { DEFINITION_DRAFTS, draftReview } from '../four-eyes.js';

// Each stored document is parsed once while no definition row changes (a trigger-kept generation: draft
// saves, publishing, the start-up upgrade of old versions); the engine also caches its compiled machine per object.
export async function parsedDefinition(deps: Pick<Deps, 'db'>, row: TDefinitionRow): Promise<TDefinition> {
  return await cachedByGeneration(deps.db, 'definitions', `parsed:${row.id}:${row.revision}`, () => {
    // A draft meets today's checks; a published version the checks of its day (its instances keep running).
    const parsed = parsePublishedDefinition(row.body);
    if (!parsed.ok || (row.status === 'draft' && parsed.problems.length))
      throw new AppError('INTERNAL', { cause: new Error(`stored definition ${row.id} no longer parses`) });
    if (parsed.problems.length)
      logger.warn(
        { definitionId: row.id, key: row.key, version: row.version, problems: parsed.problems.map((p) => p.path) },
        'a published definition misses checks added since; its next version must meet them',
      );
    return parsed.definition;
  });
}

type TLoaded = { row: TDefinitionRow; def: TDefinition } | null;

/**
 * The definition row and its parsed document. Every event and view needs it, and the row carries the
 * whole document (4–5 KB of JSON): kept until a definition row changes anywhere.
 */
export async function loadDefinition(deps: Pick<Deps, 'db'>, id: string): Promise<TLoaded> {
  return await cachedByGeneration(deps.db, 'definitions', id, () => readDefinition(deps, id));
}

async function readDefinition(deps: Pick<Deps, 'db'>, id: string): Promise<TLoaded> {
  const row = (await deps.db.select().from(definitions).where(eq(definitions.id, id)).limit(1))[0];
  if (!row) return null;
  // A draft may be saved half-built in the designer; it cannot run, so it reads as absent here.
  if (row.status === 'draft' && !parseDefinition(row.body).ok) return null;
  return { row, def: await parsedDefinition(deps, row) };
}

export const toSummary = (row: TDefinitionRow) => ({
  id: row.id,
  key: row.key,
  version: row.version,
  status: row.status,
  name: { 'zh-CN': row.nameZh, en: row.nameEn },
  subject: row.subject,
  publishedAt: row.publishedAt,
  createdAt: row.createdAt,
  revision: row.revision,
});

/** The summary, the document, who edited it and who published it (四眼原则). */
export const toDetail = async (deps: Pick<Deps, 'db'>, row: TDefinitionRow) => ({
  ...toSummary(row),
  definition: row.body,
  ...(await draftReview(deps, DEFINITION_DRAFTS, row)),
});
