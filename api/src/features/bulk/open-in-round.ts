import { and, eq, inArray } from 'drizzle-orm';

import type { TAuthUser } from '../../auth/user.js';
import { definitions, instances, organisations } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import { periodField, periodOf } from '../../engine.js';
import { AppError } from '../../errors.js';
import { definitionsById, stateName } from '../definitions/definitions-by-id.js';
import { loadDefinition } from '../definitions/load-definition.js';
import type { TBulkStartBody, TOpenInRound } from './bulk.types.js';

const BUREAU = new Set(['bureauAdmin', 'bureauReviewer']);

/**
 * Before a bulk start (issue 12.11d): which of the chosen schools or groups already have an instance of
 * the same workflow (any version) running in the same round — the period its blocks name (an inspection's
 * round, an assessment's cycle) — so the bureau can skip them rather than open a second one. A workflow
 * with no period says nothing. Reads the round's instances off (definition_id, period), never the
 * district's history; asks nothing of anyone, so nothing is written or audited.
 */
export async function openInRound(deps: Deps, input: TBulkStartBody & { actor: TAuthUser }): Promise<TOpenInRound> {
  if (!input.actor.roles.some((g) => BUREAU.has(g.role))) throw new AppError('FORBIDDEN');
  const loaded = await loadDefinition(deps, input.definitionId);
  if (!loaded || loaded.row.status !== 'published')
    throw new AppError('VALIDATION', {
      status: 422,
      fieldErrors: { definitionId: { 'zh-CN': '流程不存在或尚未发布', en: 'No published workflow with this id' } },
    });
  const field = periodField(loaded.def);
  const period = periodOf(loaded.def, input.data ?? {});
  if (!field || !period) return { field, period, items: [] };
  const versions = (
    await deps.db.select({ id: definitions.id }).from(definitions).where(eq(definitions.key, loaded.row.key))
  ).map((d) => d.id);
  const rows = await deps.db
    .select({
      instanceId: instances.id,
      orgId: instances.subjectOrgId,
      orgName: organisations.name,
      definitionId: instances.definitionId,
      state: instances.state,
      title: instances.title,
    })
    .from(instances)
    .innerJoin(organisations, eq(organisations.id, instances.subjectOrgId))
    .where(
      and(
        inArray(instances.definitionId, versions),
        eq(instances.period, period),
        eq(instances.status, 'running'),
        inArray(instances.subjectOrgId, [...new Set(input.subjectOrgIds)]),
      ),
    )
    .orderBy(organisations.name, instances.id);
  const refs = await definitionsById(
    deps,
    rows.map((r) => r.definitionId),
  );
  return {
    field,
    period,
    items: rows.map((r) => ({
      orgId: r.orgId,
      orgName: r.orgName,
      instanceId: r.instanceId,
      title: r.title ?? loaded.def.name,
      stateName: stateName(refs.get(r.definitionId), r.state),
    })),
  };
}
