import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import { defineAbilityFor } from '../../auth/ability.js';
import type { TAuthUser } from '../../auth/user.js';
import { definitions, instances, organisations, users } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import { AppError } from '../../errors.js';
import { instanceSubject } from '../instances/instance-subject.js';
import type { TMergeCandidates } from './merge.types.js';

const strings = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/**
 * Requests the caller could fold into this one: campus-entry, at bureau review, same whitelist item,
 * and ones the caller may act on. Few rows by nature (one item, one step), read off the state index.
 */
export function listMergeable(deps: Deps, input: { id: string; actor: TAuthUser }): TMergeCandidates {
  const ability = defineAbilityFor(input.actor);
  const row = deps.db.select().from(instances).where(eq(instances.id, input.id)).get();
  if (!row || !ability.can('read', instanceSubject(deps, row, input.actor))) throw new AppError('NOT_FOUND');
  const defIds = deps.db.select({ id: definitions.id }).from(definitions).where(eq(definitions.key, 'campus-entry')).all().map((d) => d.id);
  if (!defIds.includes(row.definitionId) || row.state !== 'bureauReview') return { items: [] };
  const rows = deps.db
    .select()
    .from(instances)
    .where(
      and(
        eq(instances.state, 'bureauReview'),
        inArray(instances.definitionId, defIds),
        ne(instances.id, row.id),
        sql`json_extract(${instances.data}, '$.itemCode') = ${String(row.data.itemCode ?? '')}`,
      ),
    )
    .orderBy(instances.createdAt)
    .limit(100)
    .all()
    .filter((r) => ability.can('act', instanceSubject(deps, r, input.actor)));
  const schoolIds = [...new Set(rows.flatMap((r) => strings(r.data.schoolIds)))];
  const names = new Map(schoolIds.length ? deps.db.select({ id: organisations.id, name: organisations.name }).from(organisations).where(inArray(organisations.id, schoolIds)).all().map((o) => [o.id, o.name]) : []);
  const creators = [...new Set(rows.map((r) => r.createdBy))];
  const people = new Map(creators.length ? deps.db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, creators)).all().map((u) => [u.id, u.name]) : []);
  return {
    items: rows.map((r) => ({
      id: r.id,
      version: r.version,
      title: String(r.data.title ?? ''),
      itemCode: String(r.data.itemCode ?? ''),
      activityDate: typeof r.data.activityDate === 'string' ? r.data.activityDate : null,
      schoolNames: strings(r.data.schoolIds).map((s) => names.get(s) ?? s),
      requester: people.get(r.createdBy) ?? '',
      createdAt: r.createdAt,
    })),
  };
}
