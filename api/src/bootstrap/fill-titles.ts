import { and, asc, eq, gt, isNull } from 'drizzle-orm';

import { appendAudit } from '../audit/append.js';
import { SYSTEM_USER } from '../auth/user.js';
import { changesOf, tx } from '../db/client.js';
import { definitions, instances } from '../db/schema.js';
import type { Deps } from '../deps.js';
import { parseDefinition, TEMPLATES, titleOf } from '../engine.js';
import { parsedDefinition } from '../features/definitions/load-definition.js';

type Json = Record<string, unknown>;

/**
 * Versions of a built-in workflow stored before definitions declared their instances' title (issue 12)
 * get the template's `title`, when the result still validates (its placeholders name fields of that
 * version); each upgrade is audited like the blocks' (declare-template-blocks.ts). Idempotent.
 */
export async function declareTemplateTitles(deps: Pick<Deps, 'db' | 'clock'>): Promise<number> {
  let upgraded = 0;
  for (const row of await deps.db.select().from(definitions)) {
    const template = TEMPLATES[row.key];
    const body = row.body as Json;
    if (!template?.title || body.title) continue;
    const next = { ...body, title: template.title };
    if (!parseDefinition(next).ok) continue;
    await tx(deps.db, async () => {
      await deps.db.update(definitions).set({ body: next }).where(eq(definitions.id, row.id));
      await appendAudit(deps.db, {
        at: deps.clock().toISOString(),
        actor: SYSTEM_USER,
        action: 'definition.upgrade',
        entityType: 'Definition',
        entityId: row.id,
        outcome: 'success',
        meta: { key: row.key, version: row.version, reason: 'instance title declared as in the built-in workflow' },
      });
    });
    upgraded += 1;
  }
  return upgraded;
}

/**
 * Instances written before the title column (migration 0026) get the title their definition declares,
 * rendered by the same function every write uses. Each definition's check walks only its rows still
 * without a title (a partial index), a thousand at a time, so neither a later start nor the first one on
 * a city reads every instance at once; rows whose fields are empty keep none (the workflow's name stands in).
 */
export async function fillTitles(deps: Pick<Deps, 'db'>): Promise<number> {
  const BATCH = 1000;
  let filled = 0;
  for (const row of await deps.db.select().from(definitions).where(eq(definitions.status, 'published'))) {
    const def = await parsedDefinition(deps, row);
    if (!def.title) continue;
    for (let after = ''; ;) {
      const rows = await deps.db
        .select({ id: instances.id, data: instances.data })
        .from(instances)
        .where(and(eq(instances.definitionId, row.id), isNull(instances.title), gt(instances.id, after)))
        .orderBy(asc(instances.id))
        .limit(BATCH);
      if (rows.length === 0) break;
      await tx(deps.db, async () => {
        for (const i of rows) {
          const title = titleOf(def, i.data);
          if (title) filled += changesOf(await deps.db.update(instances).set({ title }).where(eq(instances.id, i.id)));
        }
      });
      after = rows[rows.length - 1]!.id;
    }
  }
  return filled;
}
