import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { definitions, type TDefinitionRow } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import { parseDefinition, type TDefinition } from '../../engine.js';
import { AppError } from '../../errors.js';

// Stored definitions never change once written (drafts are replaced by new versions, published ones are
// immutable), so each is parsed once per database; the engine also caches its compiled machine per object.
const cache = new WeakMap<Db, Map<string, TDefinition>>();

export function parsedDefinition(deps: Pick<Deps, 'db'>, row: TDefinitionRow): TDefinition {
  let byId = cache.get(deps.db);
  if (!byId) cache.set(deps.db, (byId = new Map()));
  const hit = byId.get(row.id);
  if (hit) return hit;
  const parsed = parseDefinition(row.body);
  if (!parsed.ok) throw new AppError('INTERNAL', { cause: new Error(`stored definition ${row.id} no longer parses`) });
  byId.set(row.id, parsed.definition);
  return parsed.definition;
}

export function loadDefinition(deps: Pick<Deps, 'db'>, id: string): { row: TDefinitionRow; def: TDefinition } | null {
  const row = deps.db.select().from(definitions).where(eq(definitions.id, id)).get();
  return row ? { row, def: parsedDefinition(deps, row) } : null;
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
});
