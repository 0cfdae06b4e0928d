import { and, eq } from 'drizzle-orm';

import { attachments, type TInstanceRow } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import { type BlockParams, stepBlocks, type TDefinition, usesOf } from '../../engine.js';
import { AppError } from '../../errors.js';
import { filterInTurn, someInTurn } from '../../lib/in-turn.js';
import { itemEvidenceField } from '../attachments/item-evidence.js';
import { loadDefinition } from '../definitions/load-definition.js';
import { loadPublished } from '../reference/load-reference.js';

type Params = BlockParams<'indicatorRows'>;

/** The published indicator system the instance names in the block's field, else the newest. */
async function systemFor(deps: Pick<Deps, 'db'>, p: Params, data: Record<string, unknown>) {
  const key = typeof data[p.systemField] === 'string' ? (data[p.systemField] as string) : undefined;
  return (
    ((key && (await loadPublished(deps, 'indicator-system', key))) || (await loadPublished(deps, 'indicator-system')))
      ?.content ?? null
  );
}

const indicatorsOf = (system: NonNullable<Awaited<ReturnType<typeof systemFor>>>) =>
  system.dimensions.flatMap((d) => d.indicators);

/**
 * What a participant's part starts from at a step with the `indicatorRows` block: one row per indicator
 * of the published system (its key and name), and the indicators whose evidence is required.
 */
export async function partPrefill(deps: Pick<Deps, 'db'>, def: TDefinition, row: Pick<TInstanceRow, 'state' | 'data'>) {
  const use = stepBlocks(def, row.state).find((u) => u.name === 'indicatorRows');
  if (!use) return null;
  const p = use.params as Params;
  const system = await systemFor(deps, p, row.data);
  if (!system) return null;
  const list = indicatorsOf(system);
  return {
    field: p.field,
    rows: list.map((i) => ({ indicator: i.key, name: i.name['zh-CN'] })),
    evidenceRequired: list.filter((i) => i.evidenceRequired).map((i) => i.key),
  };
}

/** Evidence may be attached to an indicator row of a part (`<table>.<indicator key>`) where the definition collects them. */
export async function isIndicatorRow(
  deps: Pick<Deps, 'db'>,
  instance: Pick<TInstanceRow, 'definitionId' | 'data'>,
  item: { table: string; code: string },
): Promise<boolean> {
  const def = (await loadDefinition(deps, instance.definitionId))?.def;
  if (!def) return false;
  return await someInTurn(usesOf(def, 'indicatorRows'), async (u) => {
    if (u.params.field !== item.table) return false;
    const system = await systemFor(deps, u.params, instance.data);
    return !!system && indicatorsOf(system).some((i) => i.key === item.code);
  });
}

/**
 * Submitting a part: each indicator row whose indicator requires evidence needs a file its author
 * attached to that row. Refusals name the rows (`<table>.<key>`), 422, nothing written.
 */
export async function missingIndicatorEvidence(
  deps: Pick<Deps, 'db'>,
  input: { row: TInstanceRow; actorId: string; params: Params; data: Record<string, unknown> },
): Promise<AppError | undefined> {
  const system = await systemFor(deps, input.params, input.row.data);
  if (!system) return undefined;
  const table = input.params.field;
  const submitted = Array.isArray(input.data[table]) ? (input.data[table] as Array<Record<string, unknown>>) : [];
  const required = new Map(
    indicatorsOf(system)
      .filter((i) => i.evidenceRequired)
      .map((i) => [i.key, i.name]),
  );
  const missing = await filterInTurn(
    submitted.map((r) => String(r.indicator ?? '')).filter((key) => required.has(key)),
    async (key) =>
      !(
        await deps.db
          .select({ id: attachments.id })
          .from(attachments)
          .where(
            and(
              eq(attachments.instanceId, input.row.id),
              eq(attachments.field, itemEvidenceField(table, key)),
              eq(attachments.uploadedBy, input.actorId),
            ),
          )
          .limit(1)
      )[0],
  );
  if (missing.length === 0) return undefined;
  const zh = missing.map((k) => required.get(k)?.['zh-CN'] ?? k);
  const en = missing.map((k) => required.get(k)?.en ?? k);
  return new AppError('VALIDATION', {
    status: 422,
    message: {
      'zh-CN': `以下指标须附佐证材料后再提交：${zh.join('、')}`,
      en: `Attach evidence to these indicators before submitting: ${en.join(', ')}`,
    },
    fieldErrors: Object.fromEntries(
      missing.map((k, i) => [
        itemEvidenceField(table, k),
        { 'zh-CN': `「${zh[i]}」须上传佐证材料`, en: `"${en[i]}": attach evidence` },
      ]),
    ),
    rule: 'indicatorEvidenceRequired',
  });
}
