import { and, eq, inArray, ne, sql } from 'drizzle-orm';

import { defineAbilityFor } from '../../auth/ability.js';
import type { TAuthUser } from '../../auth/user.js';
import { instances, organisations, users } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import { AppError } from '../../errors.js';
import { instanceSubject } from '../instances/instance-subject.js';
import { familyField, familyOf, inFamily } from '../workflow-rules/families.js';
import type { TMergeCandidates } from './merge.types.js';
import { mergeSiteFor } from './merge-site.js';

const strings = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/**
 * Requests the caller could fold into this one: of a workflow that declares the merge block, at that
 * block's step, same whitelist item, and ones the caller may act on. Few rows by nature (one item, one
 * step), read off the state index.
 */
export function listMergeable(deps: Deps, input: { id: string; actor: TAuthUser }): TMergeCandidates {
  const ability = defineAbilityFor(input.actor);
  const row = deps.db.select().from(instances).where(eq(instances.id, input.id)).get();
  if (!row || !ability.can('read', instanceSubject(deps, row, input.actor))) throw new AppError('NOT_FOUND');
  const site = mergeSiteFor(deps, row.definitionId);
  if (!site || row.state !== site.state) return { items: [] };
  const family = familyOf(deps, 'mergeRequests');
  const states = [
    ...new Set(family.flatMap((m) => m.uses.flatMap((u) => (u.site.at === 'action' ? [u.site.state] : [])))),
  ];
  const item = familyField(family, (u) => u.params.itemField);
  const rows = deps.db
    .select()
    .from(instances)
    .where(
      and(
        inArray(instances.state, states),
        inFamily(family),
        ne(instances.id, row.id),
        sql`${item} = ${String(row.data[site.params.itemField] ?? '')}`,
      ),
    )
    .orderBy(instances.createdAt)
    .limit(100)
    .all()
    .filter(
      (r) =>
        r.state === mergeSiteFor(deps, r.definitionId)?.state &&
        ability.can('act', instanceSubject(deps, r, input.actor)),
    );
  const schoolsOf = (r: typeof row) =>
    strings(r.data[mergeSiteFor(deps, r.definitionId)?.params.schoolsField ?? ''] ?? []);
  const schoolIds = [...new Set(rows.flatMap(schoolsOf))];
  const names = new Map(
    schoolIds.length
      ? deps.db
          .select({ id: organisations.id, name: organisations.name })
          .from(organisations)
          .where(inArray(organisations.id, schoolIds))
          .all()
          .map((o) => [o.id, o.name])
      : [],
  );
  const creators = [...new Set(rows.map((r) => r.createdBy))];
  const people = new Map(
    creators.length
      ? deps.db
          .select({ id: users.id, name: users.displayName })
          .from(users)
          .where(inArray(users.id, creators))
          .all()
          .map((u) => [u.id, u.name])
      : [],
  );
  return {
    items: rows.map((r) => ({
      id: r.id,
      version: r.version,
      title: String(r.data.title ?? ''),
      itemCode: String(r.data[site.params.itemField] ?? ''),
      activityDate: typeof r.data.activityDate === 'string' ? r.data.activityDate : null,
      schoolNames: schoolsOf(r).map((s) => names.get(s) ?? s),
      requester: people.get(r.createdBy) ?? '',
      createdAt: r.createdAt,
    })),
  };
}
