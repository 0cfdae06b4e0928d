import { eventLabel } from '@eduflow/workflows/text';

import type { DefinitionDocument, LocalizedText } from '../types/contract';

/** An event's label as the engine names it: the definition's own label if it gives one, else the engine's default. */
export function labelOfEvent(type: string, definition?: DefinitionDocument, fromState?: string): LocalizedText {
  const states = definition?.states ?? {};
  const candidates = fromState ? [states[fromState]] : Object.values(states);
  for (const s of candidates) {
    const label = s?.on?.[type]?.label;
    if (label) return label;
  }
  return eventLabel(type);
}
