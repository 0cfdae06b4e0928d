import { Column, type SQL, sql, type SQLWrapper } from 'drizzle-orm';

import { type Db, dialectOf, type TDialect } from './view.js';

/**
 * The few SQL fragments SQLite and PostgreSQL spell differently (ADR 0028), in one place. Each takes the
 * database (or its dialect) and gives SQLite exactly the SQL it had before (its query plans are tested),
 * PostgreSQL its own spelling. Everything else a use-case writes by hand must read the same on both.
 */
export type TOn = Db | TDialect;

const dialect = (on: TOn): TDialect => (typeof on === 'string' ? on : dialectOf(on));

/** Always true / always false as a condition: SQLite reads `true`/`false` as 1/0, PostgreSQL wants booleans. */
export const sqlTrue = sql`true`;
export const sqlFalse = sql`false`;

/**
 * The column's value, which no index can serve: SQLite's unary `+` keeps its planner off an index where a
 * reader's scope is the selective part (ADR 0006). PostgreSQL's planner weighs the scope from its
 * statistics and gets the plain column (hiding it cost more than it saved: a join of the organisations
 * walked nested, a report's instances scanned whole).
 */
export const noIndex = (on: TOn, column: SQLWrapper): SQL =>
  dialect(on) === 'sqlite' ? sql`+${column}` : sql`${column}`;

/**
 * The column's value as neither engine's planner reads the column: SQLite's `+`, and on PostgreSQL an
 * expression (`col || ''`, `col + 0`) that no index holds and no statistics judge. For a scoped reader's
 * keyset page: PostgreSQL judges `(state, id) < ($1, $2)` by `state < $1` alone, so past a common state it
 * expected no row left in the district and walked the state index to find a group lead's page (24 s at 1M,
 * sort-query-plans.pg.test.ts) instead of sorting the reader's own rows.
 */
export function opaque(on: TOn, column: SQLWrapper): SQL {
  if (dialect(on) === 'sqlite') return sql`+${column}`;
  const type = column instanceof Column ? column.dataType : 'string';
  if (type === 'number') return sql`(${column} + 0)`;
  return type === 'string' ? sql`(${column} || '')` : sql`${column}`;
}

// A JSON path is written into the SQL as a literal, as a hand-written query would: keys are identifiers
// (letters, digits, _) or a fixed name such as "zh-CN", never a request's text.
const KEY = /^[A-Za-z0-9_-]+$/;
function checked(path: readonly string[]): readonly string[] {
  for (const key of path) if (!KEY.test(key)) throw new Error(`sql-dialect: unsafe JSON key "${key}"`);
  return path;
}
const sqlitePath = (path: readonly string[]) =>
  sql.raw(
    `'$${checked(path)
      .map((k) => (/^[A-Za-z_][A-Za-z0-9_]*$/.test(k) ? `.${k}` : `."${k}"`))
      .join('')}'`,
  );
/** PostgreSQL: `(col->'a'->'b')` (json) or `(col->'a'->>'b')` (the last step's text). */
const pgPath = (column: SQLWrapper, path: readonly string[], lastAsText: boolean) =>
  sql`(${column}${sql.raw(
    checked(path)
      .map((k, i) => `${i === path.length - 1 && lastAsText ? '->>' : '->'}'${k}'`)
      .join(''),
  )})`;

/**
 * A scalar inside a JSON column (or JSON value), e.g. `jsonText(db, instances.data, ['period'])`. SQLite's
 * json_extract gives the value in its own type; PostgreSQL's `->>` gives its text (a string as itself, a
 * number as its digits): compare it with text, or use jsonNumber.
 */
export const jsonText = (on: TOn, column: SQLWrapper, path: readonly string[]): SQL =>
  dialect(on) === 'sqlite' ? sql`json_extract(${column}, ${sqlitePath(path)})` : pgPath(column, path, true);

/** A number inside a JSON column; on PostgreSQL anything but a JSON number reads as null (as a cast would fail). */
export function jsonNumber(on: TOn, column: SQLWrapper, path: readonly string[]): SQL {
  if (dialect(on) === 'sqlite') return jsonText(on, column, path);
  const value = pgPath(column, path, false);
  return sql`(case when json_typeof(${value}) = 'number' then ${pgPath(column, path, true)}::float8 end)`;
}

/** A JSON document inside a JSON column, to iterate (jsonEach): SQLite gives its text, PostgreSQL the json. */
export const jsonPart = (on: TOn, column: SQLWrapper, path: readonly string[]): SQL =>
  dialect(on) === 'sqlite' ? jsonText(on, column, path) : pgPath(column, path, false);

/** Whether the JSON value at the path is a string (SQLite's typeof 'text', PostgreSQL's json_typeof 'string'). */
export const jsonIsString = (on: TOn, column: SQLWrapper, path: readonly string[]): SQL =>
  dialect(on) === 'sqlite'
    ? sql`typeof(${jsonText(on, column, path)}) = 'text'`
    : sql`json_typeof(${pgPath(column, path, false)}) = 'string'`;

/**
 * The elements of a JSON array (or the values of a JSON object, `of: 'object'`) as a table `alias` with a
 * column `value`, for `from`/`join`: SQLite's json_each takes either; PostgreSQL has json_array_elements
 * for arrays and json_each for objects. `as: 'text'`: values that are strings, read as text; `as: 'json'`:
 * values that are documents, read further with jsonText(…, sql`alias.value`, …). `path` (SQLite's second
 * argument to json_each) picks the array or object inside the document.
 */
export function jsonEach(
  on: TOn,
  array: SQLWrapper,
  opts: { as: 'text' | 'json'; of?: 'array' | 'object'; alias?: string; path?: readonly string[] },
): SQL {
  const alias = opts.alias ? sql.raw(` ${opts.alias}`) : sql``;
  if (dialect(on) === 'sqlite')
    return opts.path ? sql`json_each(${array}, ${sqlitePath(opts.path)})${alias}` : sql`json_each(${array})${alias}`;
  const elements = opts.path ? pgPath(array, opts.path, false) : array;
  const text = opts.as === 'text' ? '_text' : '';
  if (opts.of === 'object') return sql`${sql.raw(`json_each${text}`)}(${elements}) ${sql.raw(opts.alias ?? 'j')}`;
  return sql`${sql.raw(`json_array_elements${text}`)}(${elements}) ${sql.raw(opts.alias ?? 'j')}(value)`;
}

/**
 * A 0/1 flag column (a boolean on PostgreSQL) is set, written as SQLite's partial indexes state it
 * (`open = 1`): its planner uses a partial index only for a query that repeats the index's own condition.
 */
export const isSet = (on: TOn, flag: SQLWrapper): SQL => (dialect(on) === 'sqlite' ? sql`${flag} = 1` : sql`${flag}`);

/**
 * The order rows were written in, to break a tie between rows stamped with the same instant: SQLite's rowid;
 * on PostgreSQL the writing transaction's id (xmin), which grows from one transaction to the next (it wraps
 * only after four billion transactions: enough to order an account's few password changes).
 */
export const writeOrder = (on: TOn): SQL => (dialect(on) === 'sqlite' ? sql`rowid` : sql`xmin::text::bigint`);
