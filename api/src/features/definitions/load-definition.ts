import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { definitions, type TDefinitionRow } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import { parseDefinition, type TDefinition } from '../../engine.js';
import { AppError } from '../../errors.js';
import { DEFINITION_DRAFTS, draftReview } from '../four-eyes.js';

// Published definitions never change and a draft changes only with its revision, so each (id, revision) is
// parsed once per database; the engine also caches its compiled machine per object.
const cache = new WeakMap<Db, Map<string, TDefinition>>();

export function parsedDefinition(deps: Pick<Deps, 'db'>, row: TDefinitionRow): TDefinition {
  let byId = cache.get(deps.db);
  if (!byId) cache.set(deps.db, (byId = new Map()));
  const key = `${row.id}:${row.revision}`;
  const hit = byId.get(key);
  if (hit) return hit;
  const parsed = parseDefinition(row.body);
  if (!parsed.ok) throw new AppError('INTERNAL', { cause: new Error(`stored definition ${row.id} no longer parses`) });
  byId.set(key, parsed.definition);
  return parsed.definition;
}

export function loadDefinition(deps: Pick<Deps, 'db'>, id: string): { row: TDefinitionRow; def: TDefinition } | null {
  const row = deps.db.select().from(definitions).where(eq(definitions.id, id)).get();
  if (!row) return null;
  // A draft may be saved half-built in the designer; it cannot run, so it reads as absent here.
  if (row.status === 'draft' && !parseDefinition(row.body).ok) return null;
  return { row, def: parsedDefinition(deps, row) };
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
export const toDetail = (deps: Pick<Deps, 'db'>, row: TDefinitionRow) => ({ ...toSummary(row), definition: row.body, ...draftReview(deps, DEFINITION_DRAFTS, row) });
