import { eventLabel } from '@eduflow/workflows/text';

import type { DefinitionDocument, LocalizedText } from '../types/contract';

/** An event's label as the engine names it: the definition's own label if it gives one, else the engine's default. */
export function labelOfEvent(type: string, definition?: DefinitionDocument, fromState?: string): LocalizedText {
  const states = definition?.states ?? {};
  const candidates = fromState ? [states[fromState]] : Object.values(states);
  for (const s of candidates) {
    // A part submitted at a collect step is named by the step (提交评分), like its button.
    const label =
      type === 'SUBMIT_PART'
        ? s && 'partLabel' in s
          ? s.partLabel
          : undefined
        : s && 'on' in s
          ? s.on[type]?.label
          : undefined;
    if (label) return label;
  }
  return eventLabel(type);
}
