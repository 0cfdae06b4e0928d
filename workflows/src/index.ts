export { candidatesFor, listedOrgs, matchesRule, scopeOrg, SYSTEM_ACTOR } from './actors.js';
export { type DeclaredChecks, type DeclaredRule, declaredRules, startChecks } from './auto-checks.js';
export { autoDecision } from './auto-decision.js';
export { type ReviewSeal, type SealedReview, sealedReviews } from './blind-review.js';
export type { BlockSite } from './blocks/inputs.js';
export { type BlockParamSpec, blockParamSpecs } from './blocks/param-specs.js';
export { periodField, periodOf } from './blocks/period-field.js';
export {
  BLOCK_NAMES,
  BLOCK_POINT_LABELS,
  BLOCK_POINTS,
  type BlockName,
  type BlockParams,
  type BlockPoint,
  BLOCKS,
  type EntryRuleName,
  isBlockName,
  type TFieldHolds,
} from './blocks/registry.js';
export {
  actionBlocks,
  blockParams,
  type BlockUse,
  blockUses,
  type DeclaredBlock,
  declaredBlocks,
  declares,
  startBlocks,
  stepBlocks,
  usesOf,
} from './blocks/sites.js';
export { addWorkdays, isSchoolWorkday, localDate, reminderAt, workdaysBetween } from './calendar.js';
export { compile, type CompiledMachine } from './compile.js';
export type { EngineContext, ReviewRound, Vote } from './context.js';
export { describePath } from './definition/describe-path.js';
export * from './definition/schema.js';
export {
  type DefinitionError,
  type DefinitionErrorCode,
  outgoing,
  parseDefinition,
  parsePublishedDefinition,
  validateDefinition,
} from './definition/validate.js';
export * from './domain/index.js';
export {
  availableEvents,
  blindSpot,
  describeSnapshot,
  enter,
  reviewAssigneeRules,
  reviewSeal,
  start,
  type StartArgs,
  step,
} from './engine.js';
export type * from './engine-types.js';
export { allFields, fieldAccess, formOf } from './forms/field-access.js';
export { fieldRefs } from './forms/field-refs.js';
export {
  raiseConfigOf,
  type RaisedRow,
  raisedRows,
  type RectifyRow,
  rectifyRows,
  severityRule,
  type VerdictRow,
  verdictRows,
} from './forms/findings.js';
export { withSums } from './forms/sums.js';
export { type FieldErrors, validateStepData } from './forms/validate-data.js';
export { type GuardName, guardReasons, GUARDS, isGuardName, runGuard } from './guards/registry.js';
export { titleFields, titleOf } from './instance-title.js';
export { bureauYear, packageCoversYear, packageYears, type StatutorySource, statutorySource } from './statutory.js';
export { TEMPLATES } from './templates/index.js';
export { eventLabel } from './text.js';
