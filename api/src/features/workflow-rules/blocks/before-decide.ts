import type { TInstanceRow } from '../../../db/schema.js';
import type { Deps } from '../../../deps.js';
import { findingsFromItems, rectificationWorkdays } from '../../../domain.js';
import type { BlockName, BlockParams, TDefinition } from '../../../engine.js';
import type { AppError } from '../../../errors.js';
import { missingItemEvidence, missingRectificationEvidence } from '../../attachments/item-evidence.js';
import { groupRollUp } from '../assessment-rollup.js';
import { chooseExperts, conflictedExpert } from '../award-experts.js';
import { expertScores, levelFor, scoreSummary } from '../award-scores.js';
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
};

export const blank = (v: unknown) => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);
const strings = (v: unknown) =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : typeof v === 'string' ? [v] : [];

/**
 * Each block that computes or checks before the engine decides. Values the caller gives win (a person
 * can override a computed value; the engine still validates everything); a refusal is returned.
 */
export const BEFORE_DECIDE: { [N in BlockName]?: (input: DecideInput<N>) => AppError | void } = {
  assignExperts: ({ deps, row, data, merged, note, params }) => {
    const submission = { id: row.id, schoolId: row.subjectOrgId, groupId: row.subjectGroupId };
    const named = strings(merged()[params.field]);
    if (named.length)
      return conflictedExpert(deps, submission, { ids: named, avoid: params.avoid, field: params.field }) ?? undefined;
    const experts = chooseExperts(deps, submission, { count: params.count, avoid: params.avoid });
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
  levelByQuota: ({ deps, row, data, merged, params }) => {
    const all = merged();
    const score = Number(all[params.scoreField]);
    if (!blank(all[params.levelField]) || blank(all[params.scoreField]) || !Number.isFinite(score)) return;
    const category = params.categoryField ? String(all[params.categoryField] ?? '') : '';
    const level = levelFor(deps, { instanceId: row.id, category, year: row.createdAt.slice(0, 4), score });
    if (level) data[params.levelField] = level;
  },
  groupRollUp: ({ deps, def, row, data, merged, note, params }) => {
    const all = merged();
    if (!blank(all[params.scoreField]) && !blank(all[params.gradeField])) return;
    const rolled = groupRollUp(deps, { def, snapshot: row.snapshot, data: all, groupId: row.subjectOrgId, params });
    if (!rolled) return;
    if (blank(all[params.scoreField])) data[params.scoreField] = rolled.result.score;
    if (blank(all[params.gradeField])) data[params.gradeField] = rolled.result.grade;
    note.rollUp = { indicatorSystem: `${rolled.system.key}@${rolled.system.version}`, ...rolled.result };
  },
  rectificationDeadline: ({ data, merged, params }) => {
    const all = merged();
    if (!blank(all[params.daysField])) return;
    // The rectification deadline follows the most severe finding; the inspector may still set it.
    const days = rectificationWorkdays(findingsFromItems(inspectionItems(all[params.itemsField])));
    if (days > 0) data[params.daysField] = days;
  },
  // A step block: runs on the parts submitted at its collect step.
  indicatorRows: ({ deps, row, data, params, actorId }) =>
    missingIndicatorEvidence(deps, { row, actorId, params, data }),
  findingsLedger: ({ deps, row, merged, params }) => {
    if (params.op === 'raise')
      return missingItemEvidence(deps, { instanceId: row.id, data: merged(), table: params.itemsField });
    if (params.op === 'handIn')
      return missingRectificationEvidence(deps, { instanceId: row.id, table: params.itemsField });
  },
};
