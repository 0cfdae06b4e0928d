import { and, eq, inArray } from 'drizzle-orm';

import { attachments, findings, type TInstanceRow } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import { allFields, completeRaised, raisedRows, rectifyRows, type TDefinition, verdictRows } from '../../engine.js';
import { AppError } from '../../errors.js';
import { itemEvidenceField } from '../attachments/item-evidence.js';
import { inspectionItems } from './inspection-findings.js';

type LText = { 'zh-CN': string; en: string };
const refusal = (rule: string, message: LText, fieldErrors: Record<string, LText>) =>
  new AppError('VALIDATION', { status: 422, message, fieldErrors, rule });
/** A finding's slot in the form (`findings.HOST-01`), where the console shows its message. */
const slot = (field: string, code: string) => `${field}.${code}`;

const openFindings = async (deps: Pick<Deps, 'db'>, instanceId: string) =>
  await deps.db
    .select({ code: findings.itemCode, raisedAt: findings.createdAt, returnedAt: findings.returnedAt })
    .from(findings)
    .where(and(eq(findings.instanceId, instanceId), eq(findings.status, 'open')));

/**
 * Raising: one finding per failed item. The inspector's rows are completed for failed items left without
 * one (their severity's time), written back so the instance shows what was raised; a row on an item that
 * did not fail is refused on that row.
 */
export function completeFindings(
  def: TDefinition,
  input: { field: string; itemsField: string; merged: Record<string, unknown>; data: Record<string, unknown> },
): AppError | void {
  const cfg = allFields(def).get(input.field)?.findings;
  if (cfg?.mode !== 'raise') return;
  const done = completeRaised(
    inspectionItems(input.merged[input.itemsField]),
    raisedRows(input.merged[input.field]),
    cfg.severities,
  );
  if (done.stray.length)
    return refusal(
      'findingOnPassedItem',
      {
        'zh-CN': `以下检查项未判定为不符合，不能登记为问题：${done.stray.join('、')}`,
        en: `These items did not fail and cannot carry a finding: ${done.stray.join(', ')}`,
      },
      Object.fromEntries(
        done.stray.map((c) => [
          slot(input.field, c),
          { 'zh-CN': `${c} 未判定为不符合`, en: `${c} is not marked as failed` },
        ]),
      ),
    );
  input.data[input.field] = done.rows;
}

/**
 * Handing in: every open finding needs the school's note on its row and, when the reply field requires
 * evidence, a file on its checklist item uploaded since it was raised or last returned (the inspector's
 * photo of the failure, or the evidence that was returned, does not prove the fix). Refusals name the rows.
 */
export async function missingReplies(
  deps: Pick<Deps, 'db'>,
  def: TDefinition,
  input: { row: TInstanceRow; field: string; itemsField: string; merged: Record<string, unknown> },
): Promise<AppError | void> {
  const cfg = allFields(def).get(input.field)?.findings;
  if (cfg?.mode !== 'rectify') return;
  const open = await openFindings(deps, input.row.id);
  if (open.length === 0) return;
  const notes = new Map(rectifyRows(input.merged[input.field]).map((r) => [r.code, r.note?.trim() ?? '']));
  const errors: Record<string, LText> = {};
  for (const f of open)
    if (!notes.get(f.code))
      errors[slot(input.field, f.code)] = { 'zh-CN': `${f.code} 请填写整改说明`, en: `${f.code}: say what was done` };
  if (cfg.evidence !== 'optional') {
    const files = await deps.db
      .select({ field: attachments.field, at: attachments.createdAt })
      .from(attachments)
      .where(
        and(
          eq(attachments.instanceId, input.row.id),
          inArray(
            attachments.field,
            open.map((f) => itemEvidenceField(input.itemsField, f.code)),
          ),
        ),
      );
    for (const f of open) {
      const since = f.returnedAt && f.returnedAt > f.raisedAt ? f.returnedAt : f.raisedAt;
      if (!files.some((a) => a.field === itemEvidenceField(input.itemsField, f.code) && a.at > since))
        errors[itemEvidenceField(input.itemsField, f.code)] = {
          'zh-CN': `${f.code} 须上传整改后的现场照片或文件`,
          en: `${f.code}: attach a photo or file showing the fix`,
        };
    }
  }
  const codes = [...new Set(Object.keys(errors).map((k) => k.slice(k.indexOf('.') + 1)))];
  if (codes.length === 0) return;
  return refusal(
    'rectificationReplyRequired',
    {
      'zh-CN': `以下问题须填写整改说明并附整改佐证后再提交：${codes.join('、')}`,
      en: `Give each of these findings its note and evidence of the fix before handing in: ${codes.join(', ')}`,
    },
    errors,
  );
}

/**
 * Returning: with verdicts, every open finding gets one and at least one is returned (accepting them all is
 * 复核通过); without, every open finding goes back with the comment as its reason, written as verdicts so
 * the return says what it did.
 */
export async function checkVerdicts(
  deps: Pick<Deps, 'db'>,
  def: TDefinition,
  input: { row: TInstanceRow; field: string; data: Record<string, unknown>; comment?: string },
): Promise<AppError | void> {
  const cfg = allFields(def).get(input.field)?.findings;
  if (cfg?.mode !== 'verify') return;
  const open = (await openFindings(deps, input.row.id)).map((f) => f.code);
  const given = verdictRows(input.data[input.field]);
  if (given.length === 0) {
    if (open.length)
      input.data[input.field] = open.map((code) => ({ code, verdict: 'returned', note: input.comment || '退回整改' }));
    return;
  }
  const errors: Record<string, LText> = {};
  for (const v of given)
    if (!open.includes(v.code))
      errors[slot(input.field, v.code)] = { 'zh-CN': `${v.code} 不是待复核的问题`, en: `${v.code} is not open` };
  for (const code of open)
    if (!given.some((v) => v.code === code))
      errors[slot(input.field, code)] = { 'zh-CN': `${code} 请给出复核结论`, en: `${code}: give a verdict` };
  if (Object.keys(errors).length)
    return refusal(
      'verdictPerFinding',
      { 'zh-CN': '请逐项给出复核结论（通过或退回）', en: 'Give each open finding a verdict (accept or return)' },
      errors,
    );
  if (!given.some((v) => v.verdict === 'returned'))
    return refusal(
      'nothingReturned',
      {
        'zh-CN': '所有问题均判定为通过，请使用「复核通过」',
        en: 'Every finding is accepted: use Accept instead',
      },
      { [input.field]: { 'zh-CN': '至少退回一个问题', en: 'Return at least one finding' } },
    );
}
