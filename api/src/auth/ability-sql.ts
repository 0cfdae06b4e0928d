import { rulesToAST } from '@casl/ability/extra';
import { and, not, or, type SQL, sql, type SQLWrapper } from 'drizzle-orm';

import { sqlFalse, sqlTrue } from '../db/sql-dialect.js';
import type { AppAbility, TAction, TSubjectType } from './ability.js';

/** How a rule field maps to SQL: a column, or a function for fields that are not columns (e.g. array membership). */
export type TFieldMap = Record<string, SQLWrapper | ((op: 'eq' | 'in', values: unknown[]) => SQL)>;

type Node = { operator: string; value: unknown; field?: string };

// true/false, not 1/0: PostgreSQL's conditions are booleans; SQLite reads the keywords as 1 and 0 (ADR 0028).
const TRUE = sqlTrue;
const FALSE = sqlFalse;

/**
 * CASL rules → a drizzle `where`, so list queries return exactly the rows `ability.can` would allow.
 * Leaves under a NOT are coalesced to false/true: SQL's three-valued logic must not turn `NOT (NULL = x)` into
 * "hidden". Elsewhere they stay bare comparisons, which SQLite can serve from an index — in a NOT-free
 * AND/OR tree an unknown leaf can never turn the result true, so treating NULL as false changes nothing.
 */
export function rulesToWhere(ability: AppAbility, action: TAction, type: TSubjectType, fields: TFieldMap): SQL {
  const ast = rulesToAST(ability, action, type) as Node | null;
  if (!ast) return FALSE;
  return toSql(ast, fields, true);
}

/** One alternative of a read filter; `on` names its field when it is a single equality (e.g. createdBy). */
export type TWherePart = { where: SQL; on?: string };

/**
 * The same filter as alternatives whose union is `rulesToWhere`: one per `can` rule (inverted rules are
 * folded into each by CASL). A list walks each alternative along its own index and merges the walks:
 * as one OR, SQLite gathers every row of the widest alternative and sorts them per page (issue 11: a
 * department's 17,000 requests, 50–100 ms a page).
 */
export function rulesToWhereParts(
  ability: AppAbility,
  action: TAction,
  type: TSubjectType,
  fields: TFieldMap,
): TWherePart[] {
  const ast = rulesToAST(ability, action, type) as Node | null;
  if (!ast) return [{ where: FALSE }];
  const nodes = ast.operator === 'or' ? (ast.value as Node[]) : [ast];
  // The same rule granted twice (a role and a delegation, say) is one alternative, read once.
  return distinctNodes(nodes).map((n) => ({
    where: toSql(n, fields, true),
    on: n.operator === 'eq' ? n.field : undefined,
  }));
}

const distinctNodes = (nodes: Node[]): Node[] => [...new Map(nodes.map((n) => [JSON.stringify(n), n])).values()];

function toSql(node: Node, fields: TFieldMap, positive: boolean): SQL {
  switch (node.operator) {
    case 'and':
    case 'or': {
      // A condition granted by two rules is said once: `x in (…) or x in (…)` with the same subquery twice
      // (an inspector's read rules) keeps PostgreSQL from joining it, and it scanned every instance (1 s at 1M).
      const parts = distinctNodes(node.value as Node[]).map((n) => toSql(n, fields, positive));
      if (parts.length === 0) return node.operator === 'and' ? TRUE : FALSE;
      return (node.operator === 'and' ? and(...parts) : or(...parts)) ?? FALSE;
    }
    case 'not':
      return not(toSql((node.value as Node[])[0] ?? { operator: 'and', value: [] }, fields, !positive));
    default:
      return leaf(node, fields, positive);
  }
}

function leaf(node: Node, fields: TFieldMap, positive: boolean): SQL {
  const target = node.field ? fields[node.field] : undefined;
  if (!target) throw new Error(`ability-sql: no SQL mapping for field "${node.field}"`);
  const values = Array.isArray(node.value) ? node.value : [node.value];
  const op = node.operator;
  const known = (test: SQL): SQL => (positive ? test : sql`coalesce(${test}, false)`);
  if (typeof target === 'function') {
    if (op === 'eq' || op === 'in') return known(target(op, values));
    if (op === 'ne' || op === 'nin') return sql`coalesce(not ${target(op === 'ne' ? 'eq' : 'in', values)}, true)`;
    throw new Error(`ability-sql: operator "${op}" unsupported on "${node.field}"`);
  }
  switch (op) {
    case 'eq':
      return node.value === null ? sql`(${target} is null)` : known(sql`${target} = ${node.value}`);
    case 'ne':
      return node.value === null ? sql`(${target} is not null)` : sql`coalesce(${target} <> ${node.value}, true)`;
    case 'in':
      return values.length === 0 ? FALSE : known(sql`${target} in ${values}`);
    case 'nin':
      return values.length === 0 ? TRUE : sql`coalesce(${target} not in ${values}, true)`;
    case 'lt':
      return known(sql`${target} < ${node.value}`);
    case 'lte':
      return known(sql`${target} <= ${node.value}`);
    case 'gt':
      return known(sql`${target} > ${node.value}`);
    case 'gte':
      return known(sql`${target} >= ${node.value}`);
    default:
      throw new Error(`ability-sql: operator "${op}" unsupported`);
  }
}
