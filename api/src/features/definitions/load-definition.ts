import { eq } from 'drizzle-orm';
import { connectionCache } from '../../db/generation-cache.js';
import { definitions, type TDefinitionRow } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import { parseDefinition, type TDefinition } from '../../engine.js';
import { AppError } from '../../errors.js';
import { DEFINITION_DRAFTS, draftReview } from '../four-eyes.js';

// Published definitions never change and a draft changes only with its revision, so each (id, revision) is
// parsed once per database; the engine also caches its compiled machine per object.
const cache = connectionCache<Map<string, TDefinition>>();

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

type TLoaded = { row: TDefinitionRow; def: TDefinition } | null;
const loaded = connectionCache<Map<string, { at: string; value: TLoaded }>>();

/**
 * The definition row and its parsed document. Every event and view needs it, and the row carries the
 * whole document (4–5 KB of JSON): only its revision and status are read each time, the rest is kept
 * per (id, revision, status) — the only ways a row changes (a draft's save bumps the revision, publishing
 * changes the status).
 */
export function loadDefinition(deps: Pick<Deps, 'db'>, id: string): TLoaded {
  const head = deps.db.select({ revision: definitions.revision, status: definitions.status }).from(definitions).where(eq(definitions.id, id)).get();
  if (!head) return null;
  let byId = loaded.get(deps.db);
  if (!byId) loaded.set(deps.db, (byId = new Map()));
  const at = `${head.revision}:${head.status}`;
  const hit = byId.get(id);
  if (hit?.at === at) return hit.value;
  const value = readDefinition(deps, id);
  byId.set(id, { at, value });
  return value;
}

function readDefinition(deps: Pick<Deps, 'db'>, id: string): TLoaded {
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
