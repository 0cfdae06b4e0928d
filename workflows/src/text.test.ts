import { describe, expect, it } from 'vitest';

import { outgoing, parseDefinition } from './definition/validate.js';
import { TEMPLATES } from './templates/index.js';
import { eventLabel } from './text.js';

describe('eventLabel', () => {
  it('names every transition of the built-in workflows in both languages, never by its code', () => {
    const unnamed: string[] = [];
    for (const input of Object.values(TEMPLATES)) {
      const parsed = parseDefinition(input);
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
      const def = parsed.definition;
      for (const [from, state] of Object.entries(def.states)) {
        for (const tr of outgoing(state)) {
          const label = eventLabel(tr.event, tr.transition?.label);
          if (label['zh-CN'] === tr.event || label.en === tr.event) unnamed.push(`${def.key}:${from}:${tr.event}`);
        }
      }
    }
    expect(unnamed).toEqual([]);
  });
});
