import { TEMPLATES } from '@eduflow/workflows';
import { describe, expect, it } from 'vitest';

import { autoLayout, keepPlaces, NODE_H, NODE_W } from './layout';
import { addState, addTransition, edgesOf } from './model';

// Issue 12.9: connecting two steps re-ran the layout and swapped nodes under the pointer.
describe('steps keep their places', () => {
  const doc = TEMPLATES['campus-entry'];
  const placed = autoLayout(doc, edgesOf(doc));

  it('a new arrow moves no step', () => {
    const [from, to] = Object.keys(doc.states);
    const next = addTransition(doc, from ?? '', to ?? '').doc;
    expect(keepPlaces(next, edgesOf(next), placed)).toEqual(placed);
  });

  it('a new step gets a free place and no other step moves', () => {
    const { doc: next, id } = addState(doc, 'task');
    const after = keepPlaces(next, edgesOf(next), placed);
    for (const [k, p] of Object.entries(placed)) expect(after[k]).toEqual(p);
    const spot = after[id];
    expect(spot).toBeDefined();
    for (const p of Object.values(placed))
      expect(Math.abs(p.x - (spot?.x ?? 0)) >= NODE_W || Math.abs(p.y - (spot?.y ?? 0)) >= NODE_H).toBe(true);
  });

  it('the bureau’s arrangement is kept as saved; with none, the layered layout', () => {
    const saved = Object.fromEntries(Object.keys(doc.states).map((k, i) => [k, { x: i * 10, y: 500 - i }]));
    expect(keepPlaces(doc, edgesOf(doc), saved)).toEqual(saved);
    expect(keepPlaces(doc, edgesOf(doc), {})).toEqual(placed);
  });
});
