import type { TDefinitionInput } from '../definition/schema.js';
import { bundledAssessment } from './bundled-assessment/definition.js';
import { campusEntry } from './campus-entry/definition.js';
import { securityInspection } from './security-inspection/definition.js';
import { teachingAward } from './teaching-award/definition.js';

/** The built-in workflows, as definition documents a bureau can publish as they are or clone. */
export const TEMPLATES: Record<string, TDefinitionInput> = {
  [bundledAssessment.key]: bundledAssessment,
  [campusEntry.key]: campusEntry,
  [teachingAward.key]: teachingAward,
  [securityInspection.key]: securityInspection,
};
