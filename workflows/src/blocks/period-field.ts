import type { TDefinition } from '../definition/schema.js';
import { usesOf } from './sites.js';

/**
 * The data field that places an instance in a reporting period, as its blocks name it: a campus-entry
 * request's activity date (entryRules.dateField), an assessment's cycle (groupRollUp.cycleField), an
 * inspection's round (findingsLedger.roundField). The API copies it to an indexed column so reports read
 * one period off an index, not every year's JSON (issue 11); a workflow with none has no period.
 */
export function periodField(def: TDefinition): string | null {
  return (
    usesOf(def, 'entryRules')[0]?.params.dateField ??
    usesOf(def, 'groupRollUp').find((u) => u.params.cycleField)?.params.cycleField ??
    usesOf(def, 'findingsLedger').find((u) => u.params.roundField)?.params.roundField ??
    null
  );
}

/** The instance's period: the named field's value when it is text (dates are ISO text), else none. */
export function periodOf(def: TDefinition, data: Record<string, unknown>): string | null {
  const field = periodField(def);
  const value = field ? data[field] : undefined;
  return typeof value === 'string' && value !== '' ? value : null;
}
