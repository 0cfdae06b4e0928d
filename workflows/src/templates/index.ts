import { securityInspection } from './security-inspection/definition.js';
import type { TDefinitionInput } from '../definition/schema.js';

/** The built-in workflows, as definition documents a bureau can publish as they are or clone. */
export const TEMPLATES: Record<string, TDefinitionInput> = {
  [securityInspection.key]: securityInspection,
};
