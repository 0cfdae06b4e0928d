import { eq, inArray, type SQL, sql } from 'drizzle-orm';

import { type Db, dialectOf } from '../../db/client.js';
import { definitions, instances } from '../../db/schema.js';
import { jsonNumber, jsonPart, jsonText, sqlFalse } from '../../db/sql-dialect.js';
import type { TDialect } from '../../db/view.js';
import type { Deps } from '../../deps.js';
import { type BlockName, type BlockUse, periodField, type TDefinition, usesOf } from '../../engine.js';
import { parsedDefinition } from '../definitions/load-definition.js';

/**
 * A published definition that declares a block, with that block's uses, and the dialect of the database it
 * was read from (familyField writes its SQL in it).
 */
export type FamilyMember<N extends BlockName> = {
  id: string;
  key: string;
  def: TDefinition;
  uses: Array<BlockUse<N>>;
  dialect: TDialect;
};

// Published definitions never change, so each is read and parsed once per database.
const published = new WeakMap<Db, Map<string, { key: string; def: TDefinition }>>();

async function publishedDefinitions(
  deps: Pick<Deps, 'db'>,
): Promise<Array<{ id: string; key: string; def: TDefinition }>> {
  let byId = published.get(deps.db);
  if (!byId) published.set(deps.db, (byId = new Map()));
  const ids = (
    await deps.db.select({ id: definitions.id }).from(definitions).where(eq(definitions.status, 'published'))
  ).map((r) => r.id);
  const missing = ids.filter((id) => !byId.has(id));
  if (missing.length)
    for (const row of await deps.db.select().from(definitions).where(inArray(definitions.id, missing)))
      byId.set(row.id, { key: row.key, def: await parsedDefinition(deps, row) });
  return ids.map((id) => ({ id, ...byId.get(id)! }));
}

/**
 * The workflows that declare a block: how reports, the findings ledger, bulk start and the console's
 * special screens find "their" instances. A bureau's copy under a new key, a new version and a renamed
 * step all keep the block, so they stay in the family; nothing here knows a built-in key.
 */
export async function familyOf<N extends BlockName>(deps: Pick<Deps, 'db'>, name: N): Promise<Array<FamilyMember<N>>> {
  const dialect = dialectOf(deps.db);
  return (await publishedDefinitions(deps)).flatMap((d) => {
    const uses = usesOf(d.def, name);
    return uses.length ? [{ ...d, uses, dialect }] : [];
  });
}

/** `instances.definition_id` in the family, as one SQL condition (false when the family is empty). */
export const inFamily = (family: Array<{ id: string }>): SQL =>
  family.length
    ? inArray(
        instances.definitionId,
        family.map((m) => m.id),
      )
    : sqlFalse;

const READ = { text: jsonText, number: jsonNumber, json: jsonPart };

/**
 * An instance data field a block names by parameter (e.g. the roll-up's `scoreField`), as SQL. Members
 * usually agree on the name; when a copy renamed the field, each definition reads its own. `as`: what the
 * field holds — on SQLite the one json_extract reads them all; PostgreSQL reads text, a number or a JSON
 * document (an array to iterate) differently (db/sql-dialect.ts).
 */
export function familyField<N extends BlockName>(
  family: Array<FamilyMember<N>>,
  pick: (use: BlockUse<N>) => string | undefined,
  opts: { fallback?: string; as?: 'text' | 'number' | 'json' } = {},
): SQL {
  const names = family.map((m) => ({ id: m.id, name: m.uses.map(pick).find(Boolean) ?? opts.fallback }));
  const distinct = [...new Set(names.map((n) => n.name))];
  const on = family[0]?.dialect ?? 'sqlite';
  // Field names are identifiers (the definition schema allows letters, digits and _), so the path is
  // written into the SQL as a literal, as a hand-written query would, and an expression index still matches.
  const read = (name: string | undefined) =>
    name && /^[A-Za-z][A-Za-z0-9_]*$/.test(name) ? READ[opts.as ?? 'text'](on, instances.data, [name]) : sql`null`;
  if (distinct.length <= 1) return read(distinct[0]);
  return sql`(case ${instances.definitionId} ${sql.join(
    names.map((n) => sql`when ${n.id} then ${read(n.name)}`),
    sql` `,
  )} end)`;
}

/**
 * The family's field `pick` names, as SQL that can use (definition_id, period) when every member's
 * period column holds exactly that field (periodField): then a range over it is an index range, not a
 * JSON read of every year's instances. Otherwise the JSON field itself.
 */
export function periodOrField<N extends BlockName>(
  family: Array<FamilyMember<N>>,
  pick: (use: BlockUse<N>) => string | undefined,
): SQL {
  return isPeriod(family, pick) ? sql`${instances.period}` : familyField(family, pick);
}

/** Whether every member's period column holds exactly the field `pick` names (so tallies by period hold it too). */
export const isPeriod = <N extends BlockName>(
  family: Array<FamilyMember<N>>,
  pick: (use: BlockUse<N>) => string | undefined,
): boolean => family.length > 0 && family.every((m) => periodField(m.def) === m.uses.map(pick).find(Boolean));
