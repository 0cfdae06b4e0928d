import { and, eq, gt, like } from 'drizzle-orm';

import { attachments, findings } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import { AppError } from '../../errors.js';
import { filterInTurn } from '../../lib/in-turn.js';
import { loadPublished } from '../reference/load-reference.js';

/**
 * Evidence for one checklist item is an attachment whose `field` is `<table>.<item code>` (e.g.
 * `items.PHY-02`): the existing column says which part of the form a file proves, so no new column.
 */
export const itemEvidenceField = (table: string, code: string) => `${table}.${code}`;

export function parseItemField(field: string | null | undefined): { table: string; code: string } | null {
  const dot = field?.indexOf('.') ?? -1;
  if (!field || dot <= 0 || dot === field.length - 1) return null;
  return { table: field.slice(0, dot), code: field.slice(dot + 1) };
}

type Row = Record<string, unknown>;
const rowsOf = (v: unknown): Row[] =>
  Array.isArray(v) ? v.filter((r): r is Row => typeof r === 'object' && r !== null) : [];

/** Whether the instance's form has that table with a row of that code (uploads may not invent items). */
export function hasItem(data: Record<string, unknown>, table: string, code: string): boolean {
  return rowsOf(data[table]).some((r) => r.code === code);
}

/**
 * A failed item whose checklist entry says `evidenceRequired` must carry its own evidence before
 * findings are raised: a finding without the site photo cannot be verified later. Checked against
 * the newest published checklist (the one the round's items were copied from), by item code.
 */
export async function missingItemEvidence(
  deps: Pick<Deps, 'db'>,
  input: { instanceId: string; data: Record<string, unknown>; table?: string },
): Promise<AppError | undefined> {
  const table = input.table ?? 'items';
  const required = new Set(
    ((await loadPublished(deps, 'checklist'))?.content.items ?? [])
      .filter((i) => i.evidenceRequired)
      .map((i) => i.code),
  );
  const failed = rowsOf(input.data[table]).filter(
    (r) => r.result === 'fail' && typeof r.code === 'string' && required.has(r.code),
  );
  if (failed.length === 0) return undefined;
  const have = new Set(
    (
      await deps.db
        .select({ field: attachments.field })
        .from(attachments)
        .where(and(eq(attachments.instanceId, input.instanceId), like(attachments.field, `${table}.%`)))
    ).map((a) => a.field),
  );
  const missing = failed.filter((r) => !have.has(itemEvidenceField(table, String(r.code))));
  if (missing.length === 0) return undefined;
  const codes = missing.map((r) => String(r.code));
  return new AppError('VALIDATION', {
    status: 422,
    message: {
      'zh-CN': `以下不符合项须附佐证材料后再提交：${codes.join('、')}`,
      en: `Attach evidence to these failed items before submitting: ${codes.join(', ')}`,
    },
    fieldErrors: Object.fromEntries(
      missing.map((r) => [
        itemEvidenceField(table, String(r.code)),
        {
          'zh-CN': `${String(r.code)} 判定为不符合，须上传现场照片或文件作为佐证`,
          en: `${String(r.code)} failed: attach a site photo or file as evidence`,
        },
      ]),
    ),
    rule: 'itemEvidenceRequired',
  });
}

/**
 * Handing in a rectification: every open finding whose checklist item says `evidenceRequired` needs a
 * file attached to that item after the finding was raised (the inspector's photo of the failure does
 * not prove the fix). Refusals name the rows; nothing is written.
 */
export async function missingRectificationEvidence(
  deps: Pick<Deps, 'db'>,
  input: { instanceId: string; table: string },
): Promise<AppError | undefined> {
  const required = new Set(
    ((await loadPublished(deps, 'checklist'))?.content.items ?? [])
      .filter((i) => i.evidenceRequired)
      .map((i) => i.code),
  );
  const open = (
    await deps.db
      .select({ code: findings.itemCode, raisedAt: findings.createdAt })
      .from(findings)
      .where(and(eq(findings.instanceId, input.instanceId), eq(findings.status, 'open')))
  ).filter((f) => required.has(f.code));
  const missing = await filterInTurn(
    open,
    async (f) =>
      !(
        await deps.db
          .select({ id: attachments.id })
          .from(attachments)
          .where(
            and(
              eq(attachments.instanceId, input.instanceId),
              eq(attachments.field, itemEvidenceField(input.table, f.code)),
              gt(attachments.createdAt, f.raisedAt),
            ),
          )
          .limit(1)
      )[0],
  );
  if (missing.length === 0) return undefined;
  const codes = missing.map((f) => f.code);
  return new AppError('VALIDATION', {
    status: 422,
    message: {
      'zh-CN': `以下问题须附整改后的佐证材料再提交：${codes.join('、')}`,
      en: `Attach evidence of the fix to these findings before handing in: ${codes.join(', ')}`,
    },
    fieldErrors: Object.fromEntries(
      codes.map((code) => [
        itemEvidenceField(input.table, code),
        { 'zh-CN': `${code} 须上传整改后的现场照片或文件`, en: `${code}: attach a photo or file showing the fix` },
      ]),
    ),
    rule: 'rectificationEvidenceRequired',
  });
}
