import { getTableColumns, is, SQL, sql, Table } from 'drizzle-orm';
import {
  bigint,
  boolean,
  customType,
  doublePrecision,
  foreignKey,
  index,
  json,
  type PgColumnBuilderBase,
  pgTable,
  type PgTableWithColumns,
  primaryKey,
  text,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { getTableConfig, SQLiteSyncDialect, type SQLiteTable } from 'drizzle-orm/sqlite-core';

import * as sqlite from './schema.js';

/**
 * The PostgreSQL tables, derived from the one schema (`schema.ts`) instead of written a second time
 * (docs/decisions/0028-postgresql-beside-sqlite.md): same tables, columns, keys and indexes, each column in
 * PostgreSQL's own type for what SQLite stores. drizzle-kit generates the PostgreSQL migrations from this
 * module (drizzle.pg.config.ts), and a test compares both migrated databases column by column.
 *
 * - text → text; integer → bigint (read as a number); real → double precision;
 * - boolean (SQLite's 0/1) → boolean, and a partial index's `flag = 1` → `flag`;
 * - JSON text → json (kept as written: the audit chain hashes what it stored, which jsonb would reorder);
 * - the audit trail's packed hashes and ids (custom columns holding bytes) → bytea, with the same conversions.
 */
type AnyPgTable = PgTableWithColumns<never>;

const sqliteDialect = new SQLiteSyncDialect();

type SqliteColumn = ReturnType<typeof getTableConfig>['columns'][number];

function columnOf(column: SqliteColumn): PgColumnBuilderBase {
  const name = column.name;
  let built;
  switch (column.columnType) {
    case 'SQLiteText':
      built = text(name);
      break;
    case 'SQLiteTextJson':
      built = json(name);
      break;
    case 'SQLiteInteger':
      built = bigint(name, { mode: 'number' });
      break;
    case 'SQLiteBoolean':
      built = boolean(name);
      break;
    case 'SQLiteReal':
      built = doublePrecision(name);
      break;
    case 'SQLiteCustomColumn': {
      const custom = column as SqliteColumn & {
        mapToDriverValue: (v: unknown) => unknown;
        mapFromDriverValue: (v: unknown) => unknown;
      };
      built = customType<{ data: unknown; driverData: Buffer | string }>({
        dataType: () => 'bytea',
        toDriver: (v) => custom.mapToDriverValue(v) as Buffer,
        fromDriver: (v) => custom.mapFromDriverValue(v),
      })(name);
      break;
    }
    default:
      throw new Error(`pg-schema: no PostgreSQL type for ${column.columnType} (${name})`);
  }
  if (column.notNull) built = built.notNull();
  if (column.primary) built = built.primaryKey();
  if (column.isUnique) built = built.unique(column.uniqueName);
  if (column.default !== undefined) {
    built = built.default(is(column.default, SQL) ? sql.raw(sqliteText(column.default)) : column.default);
  }
  if (column.defaultFn) built = built.$defaultFn(column.defaultFn);
  // SQLite computes it on read (VIRTUAL); PostgreSQL 15 keeps generated columns STORED.
  const generated = column.generated?.as;
  if (generated !== undefined) {
    const expression = typeof generated === 'function' ? generated() : generated;
    built = built.generatedAlwaysAs(
      is(expression, SQL) ? sql.raw(sqliteText(expression)) : sql.raw(String(expression)),
    );
  }
  return built;
}

function sqliteText(fragment: SQL): string {
  return sqliteDialect.sqlToQuery(fragment).sql;
}

/** A partial index's condition in PostgreSQL's words: SQLite compares its 0/1 flags with 1. */
function conditionOf(where: SQL, booleans: string[]): SQL {
  let text = sqliteText(where);
  for (const flag of booleans) {
    text = text.replace(new RegExp(`\\b${flag}\\s*=\\s*1\\b`, 'g'), flag);
    text = text.replace(new RegExp(`\\b${flag}\\s*=\\s*0\\b`, 'g'), `not ${flag}`);
  }
  return sql.raw(text);
}

function derive(): Record<string, AnyPgTable> {
  const built: Record<string, AnyPgTable> = {};
  const byName = new Map<string, AnyPgTable>();
  for (const [exported, table] of Object.entries(sqlite)) {
    if (!is(table, Table)) continue;
    const config = getTableConfig(table as SQLiteTable);
    const columns = Object.fromEntries(
      Object.entries(getTableColumns(table as SQLiteTable)).map(([key, column]) => [key, columnOf(column)]),
    );
    const booleans = config.columns.filter((c) => c.columnType === 'SQLiteBoolean').map((c) => c.name);
    const keyOf = (name: string) => Object.entries(columns).find(([, c]) => nameOf(c) === name)?.[0] ?? name;
    const pg = pgTable(config.name, columns, (t) => {
      const col = (name: string) => (t as Record<string, never>)[keyOf(name)];
      return [
        ...config.primaryKeys.map((pk) =>
          primaryKey({ name: pk.getName(), columns: pk.columns.map((c) => col(c.name)) as [never, ...never[]] }),
        ),
        ...config.indexes.map((ix) => {
          const make = (ix.config.unique ? uniqueIndex : index)(ix.config.name);
          const on = make.on(...(ix.config.columns.map((c) => col((c as { name: string }).name)) as [never]));
          return ix.config.where ? on.where(conditionOf(ix.config.where, booleans)) : on;
        }),
        ...config.foreignKeys.map((fk) => {
          const ref = fk.reference();
          return foreignKey({
            name: fk.getName(),
            columns: ref.columns.map((c) => col(c.name)) as [never],
            foreignColumns: ref.foreignColumns.map(
              (c) =>
                (byName.get(getTableConfig(ref.foreignTable).name) as unknown as Record<string, never>)[
                  keyOfTable(ref.foreignTable, c.name)
                ],
            ) as [never],
          });
        }),
      ];
    }) as unknown as AnyPgTable;
    built[exported] = pg;
    byName.set(config.name, pg);
  }
  return built;
}

const nameOf = (builder: PgColumnBuilderBase) => (builder as unknown as { config: { name: string } }).config.name;

function keyOfTable(table: SQLiteTable, columnName: string): string {
  return Object.entries(getTableColumns(table)).find(([, c]) => c.name === columnName)?.[0] ?? columnName;
}

// For drizzle-kit, which reads a module's exported tables (drizzle.pg.config.ts); the use-cases keep
// schema.ts's tables on both engines (ADR 0028). A table missing here fails schema-parity.test.ts.
const pgTables = derive();
export const {
  organisations,
  users,
  roleGrants,
  passwordHistory,
  sessions,
  signInFailures,
  definitions,
  instances,
  instanceParticipants,
  tasks,
  taskCandidates,
  timers,
  attachments,
  notifications,
  calendars,
  statutoryYears,
  idempotencyKeys,
  auditEvents,
  referenceData,
  findings,
  burdenReports,
  delegations,
  instanceTallies,
  openTaskTallies,
  findingTallies,
  findingSchoolTallies,
  periodTallies,
  entryTallyFields,
  entryTallies,
  levelTallyFields,
  awardTallies,
  cacheGenerations,
} = pgTables;
