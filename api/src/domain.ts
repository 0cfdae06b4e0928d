// The workflow domain rules (roll-up, scoring, expert assignment, whitelist checks, findings) as the API uses them.
export {
  zIndicatorSystem,
  rollUpGroup,
  rank,
  zWhitelist,
  zWhitelistItem,
  semesterOf,
  checkEntryRequest,
  trimmedMean,
  outliers,
  awardLevels,
  assignExperts,
  conflictOf,
  findingsFromItems,
  rectificationWorkdays,
  addWorkdays,
  outgoing,
  compile,
  TEMPLATES,
} from '@eduflow/workflows';
export type { TIndicatorSystem, TWhitelist, EntryRequest, Usage, EntryRefusal, InspectionItem, Finding, MemberScores, ExpertRef, Severity, Avoid, SubmissionRef } from '@eduflow/workflows';
