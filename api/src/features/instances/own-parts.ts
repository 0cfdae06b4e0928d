import type { TInstanceRow } from '../../db/schema.js';
import { describeSnapshot, type TDefinition, type TFieldDef } from '../../engine.js';
import type { TOwnPart } from './instances.types.js';

/**
 * What the viewer put in their own part of each collect step (an expert's scores, a school's answer), as it
 * stands in the step's current round: theirs only, so a blind review stays blind — the submitting side and
 * the other participants see none of it here. Only the step's own form fields are returned.
 */
export function ownParts(def: TDefinition, row: Pick<TInstanceRow, 'snapshot'>, userId: string): TOwnPart[] {
  const { collections } = describeSnapshot(def, row.snapshot);
  return Object.entries(collections).flatMap(([step, c]) => {
    const state = def.states[step];
    const part = c.parts[userId];
    if (!state || state.kind !== 'collect' || !part) return [];
    const fields = new Set((state.form?.fields ?? []).map((f) => f.name));
    return [
      {
        step,
        stepName: state.name,
        status: part.status,
        submittedAt: part.at,
        data: Object.fromEntries(Object.entries(part.data).filter(([k]) => fields.has(k))),
      },
    ];
  });
}

/** The numbers of a part (scores, hours) with their labels, for a line in a list: the total first. */
export function partFigures(
  def: TDefinition,
  part: TOwnPart,
): Array<{ name: string; label: TFieldDef['label']; value: number }> {
  const state = def.states[part.step];
  const fields = state && 'form' in state ? (state.form?.fields ?? []) : [];
  return fields
    .filter((f) => (f.type === 'score' || f.type === 'number') && typeof part.data[f.name] === 'number')
    .sort((a, b) => Number(!!b.sumOf) - Number(!!a.sumOf))
    .map((f) => ({ name: f.name, label: f.label, value: part.data[f.name] as number }));
}
