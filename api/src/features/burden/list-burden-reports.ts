import { and, asc, eq, gt, or, type SQL } from 'drizzle-orm';
import type { AppAbility } from '../../auth/ability.js';
import { burdenReports, organisations } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import { AppError } from '../../errors.js';
import { burdenView } from './burden-view.js';
import type { TBurdenQuery, TBurdenReport } from './burden.types.js';

const encode = (dueAt: string, id: string) => Buffer.from(JSON.stringify([dueAt, id])).toString('base64url');
function decode(cursor: string): [string, string] {
  try {
    const v: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString());
    if (Array.isArray(v) && typeof v[0] === 'string' && typeof v[1] === 'string') return [v[0], v[1]];
  } catch {
    // fall through to the validation error
  }
  throw new AppError('VALIDATION', { fieldErrors: { cursor: { 'zh-CN': '分页游标无效，请从第一页重新开始', en: 'Invalid cursor; start again from the first page' } } });
}

/** The bureau's queue of complaints, earliest deadline first, keyset-paginated on (due_at, id). */
export function listBurdenReports(deps: Deps, input: { ability: AppAbility; query: TBurdenQuery }): { items: TBurdenReport[]; nextCursor: string | null } {
  if (!input.ability.can('read', 'BurdenReport')) throw new AppError('FORBIDDEN');
  const where: SQL[] = [];
  if (input.query.status) where.push(eq(burdenReports.status, input.query.status));
  if (input.query.cursor) {
    const [dueAt, id] = decode(input.query.cursor);
    where.push(or(gt(burdenReports.dueAt, dueAt), and(eq(burdenReports.dueAt, dueAt), gt(burdenReports.id, id)))!);
  }
  const rows = deps.db
    .select({ r: burdenReports, schoolName: organisations.name })
    .from(burdenReports)
    .innerJoin(organisations, eq(organisations.id, burdenReports.schoolId))
    .where(and(...where))
    .orderBy(asc(burdenReports.dueAt), asc(burdenReports.id))
    .limit(input.query.limit + 1)
    .all();
  const now = deps.clock();
  const page = rows.slice(0, input.query.limit);
  const last = page.at(-1);
  return {
    items: page.map((x) => burdenView(x.r, x.schoolName, now)),
    nextCursor: rows.length > input.query.limit && last ? encode(last.r.dueAt, last.r.id) : null,
  };
}
