import { sql } from 'drizzle-orm';

import { changesOf, dialectOf, tx } from '../../db/client.js';
import { entryTallyFields, levelTallyFields } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import { familyOf } from '../workflow-rules/families.js';

// Field names are identifiers (the definition schema allows letters, digits and _): safe inside a JSON path.
const IDENT = /^[A-Za-z][A-Za-z0-9_]*$/;
const path = (name: string | undefined, prefix = '$.') => (name && IDENT.test(name) ? `${prefix}${name}` : null);

/** What each published entry-rules version keeps where: the campus-entry report's fields, as JSON paths. */
async function fieldsOf(deps: Pick<Deps, 'db'>): Promise<Array<typeof entryTallyFields.$inferInsert>> {
  const hours = await familyOf(deps, 'teacherHours');
  // A version without its own hours block reads the planned hours its family names (as the report's familyField does).
  const plannedNames = [...new Set(hours.map((m) => m.uses.map((u) => u.params.plannedField).find(Boolean)))];
  return (await familyOf(deps, 'entryRules')).flatMap((m) => {
    const use = m.uses[0];
    const schoolsPath = path(use?.params.schoolsField);
    const itemPath = path(use?.params.itemField);
    if (!schoolsPath || !itemPath) return [];
    const own = hours.find((h) => h.id === m.id);
    const planned =
      own?.uses.map((u) => u.params.plannedField).find(Boolean) ??
      (plannedNames.length === 1 ? plannedNames[0] : undefined);
    const sites = (own?.uses ?? []).flatMap((u) => {
      const field = path(u.params.spentField, '$.data.');
      const step = u.site.at === 'step' ? path(u.site.state, '$.context.collections.') : null;
      return field && step ? [{ parts: `${step}.parts`, field }] : [];
    });
    return [
      { definitionId: m.id, schoolsPath, itemPath, plannedPath: path(planned), spentSites: JSON.stringify(sites) },
    ];
  });
}

/**
 * Declares to the report tallies' triggers (migration 0021_report-tallies) where each published version keeps
 * what they count — an entry-rules version its campus-entry figures, a levelling version its level — and
 * counts in the instances it already has: at start-up for versions published before the tallies, and when a
 * version is published (no instances yet). A version is declared once; published versions never change.
 */
export function declareReportTallies(deps: Pick<Deps, 'db'>): Promise<number> {
  // A declaration and its backfill commit together (a savepoint inside publishing's transaction).
  return tx(deps.db, () => declareAll(deps));
}

async function declareAll(deps: Pick<Deps, 'db'>): Promise<number> {
  let declared = 0;
  for (const row of await fieldsOf(deps)) {
    if (!changesOf(await deps.db.insert(entryTallyFields).values(row).onConflictDoNothing())) continue;
    declared += 1;
    await deps.db.run(
      dialectOf(deps.db) === 'postgresql' ? entryBackfillPg(row.definitionId) : entryBackfill(row.definitionId),
    );
  }
  for (const m of await familyOf(deps, 'levelByQuota')) {
    const levelPath = path(m.uses.map((u) => u.params.levelField).find(Boolean));
    if (
      !levelPath ||
      !changesOf(await deps.db.insert(levelTallyFields).values({ definitionId: m.id, levelPath }).onConflictDoNothing())
    )
      continue;
    declared += 1;
    await deps.db.run(dialectOf(deps.db) === 'postgresql' ? levelBackfillPg(m.id) : levelBackfill(m.id));
  }
  return declared;
}

// The level a levelled instance holds, at its subject school, the school's group and its district (as instance_tallies).
const levelBackfill = (definitionId: string) => sql`
  INSERT INTO award_tallies (org_id, year, definition_id, state, level, n)
  SELECT CASE l.lvl WHEN 1 THEN i.subject_org_id WHEN 2 THEN i.subject_group_id ELSE i.district_id END, substr(i.created_at, 1, 4), i.definition_id, i.state, json_extract(i.data, f.level_path), count(*)
  FROM instances i, level_tally_fields f, (SELECT 1 AS lvl UNION ALL SELECT 2 UNION ALL SELECT 3) l
  WHERE i.definition_id = ${definitionId} AND f.definition_id = i.definition_id AND json_extract(i.data, f.level_path) IS NOT NULL
    AND (l.lvl = 1 OR (l.lvl = 2 AND i.subject_group_id IS NOT NULL AND i.subject_group_id IS NOT i.subject_org_id) OR (l.lvl = 3 AND i.district_id IS NOT i.subject_org_id))
  GROUP BY 1, 2, 3, 4, 5
  ON CONFLICT DO UPDATE SET n = n + excluded.n`;

// The same contributions the triggers add per request, summed over the version's requests with a period.
const M = 'substr(i.period, 1, 7)';
const ITEM = "coalesce(json_extract(i.data, f.item_path), '')";
const PLANNED = 'coalesce(json_extract(i.data, f.planned_path), 0)';
const SPENT =
  "coalesce((SELECT sum(coalesce(json_extract(p.value, json_extract(site.value, '$.field')), 0)) FROM json_each(f.spent_sites) site, " +
  "json_each(i.snapshot, json_extract(site.value, '$.parts')) p WHERE json_extract(p.value, '$.status') = 'submitted'), 0)";
const COUNTED =
  "f.definition_id = i.definition_id AND i.period IS NOT NULL AND coalesce(i.outcome, '') NOT IN ('rejected', 'withdrawn', 'merged', 'cancelled')";

// Each request's figures are read once (its snapshot parsed once), then counted at each of its keys.
const entryBackfill = (definitionId: string) => sql`
  INSERT INTO entry_tallies (definition_id, month, kind, org_id, item_code, n, planned, spent)
  WITH c AS MATERIALIZED (
    SELECT i.id, i.definition_id, ${sql.raw(M)} AS month, ${sql.raw(ITEM)} AS item, ${sql.raw(PLANNED)} AS planned, ${sql.raw(SPENT)} AS spent,
      json_extract(i.data, f.schools_path) AS schools
    FROM instances i, entry_tally_fields f WHERE i.definition_id = ${definitionId} AND ${sql.raw(COUNTED)}
  )
  SELECT definition_id, month, kind, org_id, item_code, count(*), sum(planned), sum(spent) FROM (
    SELECT c.id, c.definition_id, c.month, 'all' AS kind, '' AS org_id, c.item AS item_code, c.planned, c.spent FROM c
    UNION
    SELECT c.id, c.definition_id, c.month, 'school', o.id, '', 0, 0 FROM c, json_each(c.schools) v JOIN organisations o ON o.id = v.value
    UNION
    SELECT c.id, c.definition_id, c.month, 'schoolItem', v.value, c.item, c.planned, c.spent FROM c, json_each(c.schools) v
    UNION
    SELECT c.id, c.definition_id, c.month, 'groupItem', o.parent_id, c.item, c.planned, c.spent FROM c, json_each(c.schools) v JOIN organisations o ON o.id = v.value WHERE o.parent_id IS NOT NULL
  ) WHERE true
  GROUP BY 1, 2, 3, 4, 5
  ON CONFLICT DO UPDATE SET n = n + excluded.n, planned = planned + excluded.planned, spent = spent + excluded.spent`;

/*
 * The same backfills on PostgreSQL, which has no json_extract/json_each: a stored path `$.a.b` becomes the
 * text[] `{a,b}` that `#>`/`#>>` take (paths are identifiers joined by dots, see IDENT), json_each becomes
 * json_array_elements (guarded to arrays: it refuses anything else) or, for a step's parts (an object keyed by
 * party), eduflow_json_members (0002_triggers: an array's members or an object's values), a number is read
 * from its JSON text, and
 * an upsert names its conflict target. The triggers (migrations-pg) count the same way.
 */
const at = (doc: string, pathCol: string) => `${doc} #> string_to_array(substr(${pathCol}, 3), '.')`;
const atText = (doc: string, pathCol: string) => `${doc} #>> string_to_array(substr(${pathCol}, 3), '.')`;
const arrayAt = (doc: string, pathCol: string) =>
  `(CASE WHEN json_typeof(${at(doc, pathCol)}) = 'array' THEN ${at(doc, pathCol)} END)`;
// SQLite's arithmetic reads a JSON number, or a string holding one; anything else counts 0.
const numAt = (doc: string, pathCol: string) =>
  `coalesce(CASE WHEN ${atText(doc, pathCol)} ~ '^\\s*[-+]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][-+]?[0-9]+)?\\s*$' THEN (${atText(doc, pathCol)})::float8 END, 0)`;

const levelBackfillPg = (definitionId: string) => sql`
  INSERT INTO award_tallies (org_id, year, definition_id, state, level, n)
  SELECT CASE l.lvl WHEN 1 THEN i.subject_org_id WHEN 2 THEN i.subject_group_id ELSE i.district_id END, substr(i.created_at, 1, 4), i.definition_id, i.state, ${sql.raw(atText('i.data', 'f.level_path'))}, count(*)
  FROM instances i, level_tally_fields f, (VALUES (1), (2), (3)) l (lvl)
  WHERE i.definition_id = ${definitionId} AND f.definition_id = i.definition_id AND ${sql.raw(atText('i.data', 'f.level_path'))} IS NOT NULL
    AND (l.lvl = 1 OR (l.lvl = 2 AND i.subject_group_id IS NOT NULL AND i.subject_group_id IS DISTINCT FROM i.subject_org_id) OR (l.lvl = 3 AND i.district_id IS DISTINCT FROM i.subject_org_id))
  GROUP BY 1, 2, 3, 4, 5
  ON CONFLICT (org_id, year, definition_id, state, level) DO UPDATE SET n = award_tallies.n + excluded.n`;

const SPENT_PG =
  `coalesce((SELECT sum(${numAt('p.value', "site.value ->> 'field'")}) FROM json_array_elements(f.spent_sites::json) site, ` +
  `eduflow_json_members(${at('i.snapshot', "site.value ->> 'parts'")}) p(value) WHERE p.value ->> 'status' = 'submitted'), 0)`;

const entryBackfillPg = (definitionId: string) => sql`
  INSERT INTO entry_tallies (definition_id, month, kind, org_id, item_code, n, planned, spent)
  WITH c AS MATERIALIZED (
    SELECT i.id, i.definition_id, ${sql.raw(M)} AS month, coalesce(${sql.raw(atText('i.data', 'f.item_path'))}, '') AS item,
      ${sql.raw(numAt('i.data', 'f.planned_path'))} AS planned, ${sql.raw(SPENT_PG)} AS spent,
      ${sql.raw(arrayAt('i.data', 'f.schools_path'))} AS schools
    FROM instances i, entry_tally_fields f WHERE i.definition_id = ${definitionId} AND ${sql.raw(COUNTED)}
  )
  SELECT definition_id, month, kind, org_id, item_code, count(*), sum(planned), sum(spent) FROM (
    SELECT c.id, c.definition_id, c.month, 'all' AS kind, '' AS org_id, c.item AS item_code, c.planned, c.spent FROM c
    UNION
    SELECT c.id, c.definition_id, c.month, 'school', o.id, '', 0, 0 FROM c, json_array_elements_text(c.schools) v JOIN organisations o ON o.id = v.value
    UNION
    SELECT c.id, c.definition_id, c.month, 'schoolItem', v.value, c.item, c.planned, c.spent FROM c, json_array_elements_text(c.schools) v
    UNION
    SELECT c.id, c.definition_id, c.month, 'groupItem', o.parent_id, c.item, c.planned, c.spent FROM c, json_array_elements_text(c.schools) v JOIN organisations o ON o.id = v.value WHERE o.parent_id IS NOT NULL
  ) u
  GROUP BY 1, 2, 3, 4, 5
  ON CONFLICT (definition_id, month, kind, org_id, item_code) DO UPDATE SET n = entry_tallies.n + excluded.n, planned = entry_tallies.planned + excluded.planned, spent = entry_tallies.spent + excluded.spent`;
