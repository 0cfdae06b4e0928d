import { and, eq, isNull, sql } from 'drizzle-orm';

import { changesOf, tx } from '../db/client.js';
import { definitions, instances } from '../db/schema.js';
import { jsonIsString, jsonText } from '../db/sql-dialect.js';
import type { Deps } from '../deps.js';
import { periodField } from '../engine.js';
import { parsedDefinition } from '../features/definitions/load-definition.js';

/**
 * Instances written before the period column (migration 0019) get theirs from the field their
 * definition's blocks name. Every write keeps it from then on, so this finds nothing on later starts:
 * each definition's check reads only its rows still without a period, off (definition_id, period).
 */
export async function fillPeriods(deps: Pick<Deps, 'db'>): Promise<number> {
  let filled = 0;
  for (const row of await deps.db.select().from(definitions).where(eq(definitions.status, 'published'))) {
    const field = periodField(await parsedDefinition(deps, row));
    // Field names are identifiers (the definition schema allows letters, digits and _): safe as a JSON path.
    if (!field || !/^[A-Za-z][A-Za-z0-9_]*$/.test(field)) continue;
    const value = jsonText(deps.db, instances.data, [field]);
    filled += changesOf(
      await tx(deps.db, () =>
        deps.db
          .update(instances)
          .set({ period: sql`${value}` })
          .where(
            and(
              eq(instances.definitionId, row.id),
              isNull(instances.period),
              jsonIsString(deps.db, instances.data, [field]),
              sql`${value} <> ''`,
            ),
          ),
      ),
    );
  }
  return filled;
}
