import { and, eq, inArray, ne, sql } from 'drizzle-orm';

import { defineAbilityFor } from '../../auth/ability.js';
import type { TAuthUser } from '../../auth/user.js';
import { instances, organisations, users } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import { AppError } from '../../errors.js';
import { filterInTurn, flatMapInTurn, mapInTurn } from '../../lib/in-turn.js';
import { loadDefinition } from '../definitions/load-definition.js';
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
export async function listMergeable(deps: Deps, input: { id: string; actor: TAuthUser }): Promise<TMergeCandidates> {
  const ability = defineAbilityFor(input.actor);
  const row = (await deps.db.select().from(instances).where(eq(instances.id, input.id)).limit(1))[0];
  if (!row || !ability.can('read', await instanceSubject(deps, row, input.actor))) throw new AppError('NOT_FOUND');
  const site = await mergeSiteFor(deps, row.definitionId);
  if (!site || row.state !== site.state) return { items: [] };
  const family = await familyOf(deps, 'mergeRequests');
  const states = [
    ...new Set(family.flatMap((m) => m.uses.flatMap((u) => (u.site.at === 'action' ? [u.site.state] : [])))),
  ];
  const item = familyField(family, (u) => u.params.itemField);
  const rows = await filterInTurn(
    await deps.db
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
      .limit(100),
    async (r) =>
      r.state === (await mergeSiteFor(deps, r.definitionId))?.state &&
      ability.can('act', await instanceSubject(deps, r, input.actor)),
  );
  const schoolsOf = async (r: typeof row) =>
    strings(r.data[(await mergeSiteFor(deps, r.definitionId))?.params.schoolsField ?? ''] ?? []);
  const schoolIds = [...new Set(await flatMapInTurn(rows, schoolsOf))];
  const names = new Map(
    schoolIds.length
      ? (
          await deps.db
            .select({ id: organisations.id, name: organisations.name })
            .from(organisations)
            .where(inArray(organisations.id, schoolIds))
        ).map((o) => [o.id, o.name])
      : [],
  );
  const creators = [...new Set(rows.map((r) => r.createdBy))];
  const people = new Map(
    creators.length
      ? (
          await deps.db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, creators))
        ).map((u) => [u.id, u.name])
      : [],
  );
  return {
    items: await mapInTurn(rows, async (r) => ({
      id: r.id,
      version: r.version,
      // The title and the date its definition declares (the instance's title and period), not fields by name.
      title: r.title ?? (await loadDefinition(deps, r.definitionId))?.def.name ?? { 'zh-CN': '', en: '' },
      itemCode: String(r.data[site.params.itemField] ?? ''),
      activityDate: r.period,
      schoolNames: (await schoolsOf(r)).map((s) => names.get(s) ?? s),
      requester: people.get(r.createdBy) ?? '',
      createdAt: r.createdAt,
    })),
  };
}
