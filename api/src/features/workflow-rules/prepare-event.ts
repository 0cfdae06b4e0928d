import type { TInstanceRow } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import type { EngineEvent, TDefinition } from '../../engine.js';
import type { AppError } from '../../errors.js';
import { groupRollUp } from './assessment-rollup.js';
import { chooseExperts } from './award-experts.js';
import { expertScores, levelFor, scoreSummary } from './award-scores.js';
import { findingsFromItems, rectificationWorkdays } from '../../domain.js';
import { inspectionItems } from './inspection-findings.js';
import { missingItemEvidence } from '../attachments/item-evidence.js';

export type TPrepared = { event: EngineEvent; note: Record<string, unknown> };

const blank = (v: unknown) => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);

/**
 * What the built-in workflows' domain rules fill in before the engine decides, so that the caller
 * does not have to (and cannot get it wrong): experts for a submission, the trimmed mean and level,
 * the group's rolled-up score. Values the caller gives win; `note` goes to the event's audit meta.
 */
export function prepareEvent(deps: Deps, def: TDefinition, row: TInstanceRow, event: EngineEvent): TPrepared | AppError {
  const data = { ...(event.data ?? {}) };
  const note: Record<string, unknown> = {};
  const merged = { ...row.data, ...data };
  if (def.key === 'teaching-award' && row.state === 'preliminary' && event.type === 'PASS' && blank(merged.experts)) {
    const experts = chooseExperts(deps, { id: row.id, schoolId: row.subjectOrgId, groupId: row.subjectGroupId });
    if (!Array.isArray(experts)) return experts;
    data.experts = experts;
    note.expertsAssigned = experts;
  }
  if (def.key === 'teaching-award' && row.state === 'ranking' && event.type === 'PUBLISH') {
    const scores = expertScores(def, row.snapshot);
    const summary = scoreSummary(scores);
    if (blank(merged.finalScore) && summary.finalScore !== null) data.finalScore = summary.finalScore;
    const score = Number(data.finalScore ?? merged.finalScore);
    if (blank(merged.level) && Number.isFinite(score)) {
      const level = levelFor(deps, { instanceId: row.id, category: String(merged.category ?? ''), year: row.createdAt.slice(0, 4), score });
      if (level) data.level = level;
    }
    note.scores = scores;
    note.outlierExperts = summary.outlierExperts;
  }
  if (def.key === 'security-inspection' && row.state === 'inspection' && event.type === 'RAISE_FINDINGS') {
    const missing = missingItemEvidence(deps, { instanceId: row.id, data: merged });
    if (missing) return missing;
  }
  if (def.key === 'security-inspection' && row.state === 'inspection' && event.type === 'RAISE_FINDINGS' && blank(merged.rectificationDays)) {
    // The rectification deadline follows the most severe finding; the inspector may still set it.
    const days = rectificationWorkdays(findingsFromItems(inspectionItems(merged.items)));
    if (days > 0) data.rectificationDays = days;
  }
  if (def.key === 'bundled-assessment' && row.state === 'deskReview' && event.type === 'PUBLISH' && (blank(merged.groupScore) || blank(merged.grade))) {
    const rolled = groupRollUp(deps, def, row.snapshot, merged, row.subjectOrgId);
    if (rolled) {
      if (blank(merged.groupScore)) data.groupScore = rolled.result.score;
      if (blank(merged.grade)) data.grade = rolled.result.grade;
      note.rollUp = { indicatorSystem: `${rolled.system.key}@${rolled.system.version}`, ...rolled.result };
    }
  }
  return { event: Object.keys(data).length || event.data ? { ...event, data } : event, note };
}
