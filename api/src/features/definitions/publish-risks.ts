import { and, count, desc, eq, inArray, lt, ne } from 'drizzle-orm';

import { definitions, instances, type TDefinitionRow } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import type { TPublishCheck } from './definitions.types.js';
import { diffDefinitions } from './diff-definitions.js';
import { toSummary } from './load-definition.js';

type Json = Record<string, unknown>;
const statesOf = (body: unknown) =>
  body && typeof body === 'object'
    ? (((body as Json).states as Record<string, { name?: { 'zh-CN'?: string; en?: string } }> | undefined) ?? {})
    : {};

/**
 * What publishing this draft would do beyond adding a version: blocks the previous published version
 * declared and this one drops or moves (their rules stop where they were), and steps where running
 * instances of earlier versions sit that this version no longer has (renamed or removed: those
 * instances can only follow through 迁移实例). Bounded by this workflow's versions and running instances.
 */
export async function publishRisks(deps: Pick<Deps, 'db'>, row: TDefinitionRow): Promise<TPublishCheck> {
  const previous =
    (
      await deps.db
        .select()
        .from(definitions)
        .where(
          and(eq(definitions.key, row.key), eq(definitions.status, 'published'), lt(definitions.version, row.version)),
        )
        .orderBy(desc(definitions.version))
        .limit(1)
    )[0] ?? null;
  const droppedBlocks = previous
    ? diffDefinitions(previous.body, row.body).filter(
        (c) => c.kind === 'block' && (c.change === 'removed' || c.change === 'moved'),
      )
    : [];
  const others = await deps.db
    .select({ id: definitions.id, body: definitions.body })
    .from(definitions)
    .where(and(eq(definitions.key, row.key), eq(definitions.status, 'published'), ne(definitions.id, row.id)));
  const kept = statesOf(row.body);
  const names = new Map(
    others.flatMap((d) =>
      Object.entries(statesOf(d.body)).map(
        ([id, s]) => [id, { 'zh-CN': s.name?.['zh-CN'] || id, en: s.name?.en || id }] as const,
      ),
    ),
  );
  const running = others.length
    ? await deps.db
        .select({ state: instances.state, running: count() })
        .from(instances)
        .where(
          and(
            inArray(
              instances.definitionId,
              others.map((d) => d.id),
            ),
            eq(instances.status, 'running'),
          ),
        )
        .groupBy(instances.state)
    : [];
  const strandedSteps = running
    .filter((r) => !kept[r.state])
    .map((r) => ({
      state: r.state,
      name: names.get(r.state) ?? { 'zh-CN': r.state, en: r.state },
      running: r.running,
    }));
  return {
    previous: previous ? toSummary(previous) : null,
    droppedBlocks,
    strandedSteps,
    needsConfirmation: droppedBlocks.length > 0 || strandedSteps.length > 0,
  };
}
