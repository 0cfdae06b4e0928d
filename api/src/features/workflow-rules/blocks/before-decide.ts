import type { TInstanceRow } from '../../../db/schema.js';
import type { Deps } from '../../../deps.js';
import {
  type BlockName,
  type BlockParams,
  findingsFromItems,
  raisedRows,
  rectificationWorkdays,
  type TDefinition,
  verdictRows,
} from '../../../engine.js';
import { AppError } from '../../../errors.js';
import { missingItemEvidence, missingRectificationEvidence } from '../../attachments/item-evidence.js';
import { groupRollUp } from '../assessment-rollup.js';
import { chooseExperts, conflictedExpert } from '../award-experts.js';
import { expertScores, levelFor, scoreSummary } from '../award-scores.js';
import { checkVerdicts, completeFindings, missingReplies } from '../findings-checks.js';
import { missingIndicatorEvidence } from '../indicator-rows.js';
import { inspectionItems } from '../inspection-findings.js';

/**
 * What one block sees before the engine decides: the instance, the event's data so far (blocks run in
 * the declared order, so a later one reads what an earlier one computed) and the audit note to add to.
 */
export type DecideInput<N extends BlockName> = {
  deps: Deps;
  def: TDefinition;
  row: TInstanceRow;
  /** The event's data, filled in place. */
  data: Record<string, unknown>;
  /** The instance's data with the event's on top. */
  merged: () => Record<string, unknown>;
  note: Record<string, unknown>;
  params: BlockParams<N>;
  /** Who sends the event (a part's author). */
  actorId: string;
  /** The event's comment (a return's reason). */
  comment?: string;
};

export const blank = (v: unknown) => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);
const strings = (v: unknown) =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : typeof v === 'string' ? [v] : [];

/**
 * Each block that computes or checks before the engine decides. Values the caller gives win (a person
 * can override a computed value; the engine still validates everything); a refusal is returned.
 */
export const BEFORE_DECIDE: {
  [N in BlockName]?: (input: DecideInput<N>) => AppError | void | Promise<AppError | void>;
} = {
  assignExperts: async ({ deps, row, data, merged, note, params }) => {
    const submission = { id: row.id, schoolId: row.subjectOrgId, groupId: row.subjectGroupId };
    const named = strings(merged()[params.field]);
    if (named.length)
      return (
        (await conflictedExpert(deps, submission, { ids: named, avoid: params.avoid, field: params.field })) ??
        undefined
      );
    const experts = await chooseExperts(deps, submission, { count: params.count, avoid: params.avoid });
    if (!Array.isArray(experts)) return experts;
    data[params.field] = experts;
    note.expertsAssigned = experts;
  },
  trimmedMean: ({ def, row, data, merged, note, params }) => {
    const scores = expertScores(def, row.snapshot, params);
    const summary = scoreSummary(scores, params);
    if (blank(merged()[params.resultField]) && summary.finalScore !== null)
      data[params.resultField] = summary.finalScore;
    note.scores = scores;
    note.outlierExperts = summary.outlierExperts;
  },
  levelByQuota: async ({ deps, row, data, merged, params }) => {
    const all = merged();
    const score = Number(all[params.scoreField]);
    if (!blank(all[params.levelField]) || blank(all[params.scoreField]) || !Number.isFinite(score)) return;
    const category = params.categoryField ? String(all[params.categoryField] ?? '') : '';
    const level = await levelFor(deps, { instanceId: row.id, category, year: row.createdAt.slice(0, 4), score });
    if (level) data[params.levelField] = level;
  },
  groupRollUp: async ({ deps, def, row, data, merged, note, params }) => {
    const all = merged();
    if (!blank(all[params.scoreField]) && !blank(all[params.gradeField])) return;
    const rolled = await groupRollUp(deps, {
      def,
      snapshot: row.snapshot,
      data: all,
      groupId: row.subjectOrgId,
      params,
    });
    if (!rolled) return;
    if (blank(all[params.scoreField])) data[params.scoreField] = rolled.result.score;
    if (blank(all[params.gradeField])) data[params.gradeField] = rolled.result.grade;
    note.rollUp = { indicatorSystem: `${rolled.system.key}@${rolled.system.version}`, ...rolled.result };
  },
  rectificationDeadline: ({ data, merged, params }) => {
    const all = merged();
    if (!blank(all[params.daysField])) return;
    // The rectification deadline follows the most pressing finding: the times on the findings field's rows
    // (pre-filled by the severities it declares), else by severity; the inspector may still set it.
    const days = params.findingsField
      ? Math.min(...raisedRows(all[params.findingsField]).map((r) => r.workdays))
      : rectificationWorkdays(findingsFromItems(inspectionItems(all[params.itemsField])));
    if (Number.isFinite(days) && days > 0) data[params.daysField] = days;
  },
  // A step block: runs on the parts submitted at its collect step.
  indicatorRows: ({ deps, row, data, params, actorId }) =>
    missingIndicatorEvidence(deps, { row, actorId, params, data }),
  findingsLedger: async ({ deps, def, row, data, merged, params, comment }) => {
    if (params.op === 'raise')
      return (
        (await missingItemEvidence(deps, { instanceId: row.id, data: merged(), table: params.itemsField })) ??
        (params.field
          ? completeFindings(def, { field: params.field, itemsField: params.itemsField, merged: merged(), data })
          : undefined)
      );
    if (params.op === 'handIn')
      return (
        (params.field
          ? await missingReplies(deps, def, {
              row,
              field: params.field,
              itemsField: params.itemsField,
              merged: merged(),
            })
          : undefined) ?? (await missingRectificationEvidence(deps, { instanceId: row.id, table: params.itemsField }))
      );
    if (params.op === 'reopen' && params.field)
      return await checkVerdicts(deps, def, { row, field: params.field, data, comment });
    if (params.op === 'close' && params.field && verdictRows(data[params.field]).some((v) => v.verdict === 'returned'))
      return new AppError('VALIDATION', {
        status: 422,
        message: { 'zh-CN': '有问题被退回，请使用「退回整改」', en: 'Some findings are returned: use Return instead' },
        fieldErrors: {
          [params.field]: { 'zh-CN': '复核通过时所有问题须为通过', en: 'Accepting needs every finding accepted' },
        },
        rule: 'returnedOnAccept',
      });
  },
};
