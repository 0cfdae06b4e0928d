import { describe, expect, it } from 'vitest';

import { layoutTrace } from './trace-layout';

const zh = (name: string) => ({ 'zh-CN': name, en: name });

const view = {
  states: [
    { id: 'a', name: zh('自查'), kind: 'task', visited: true, current: false },
    { id: 'check', name: zh('自动校验'), kind: 'auto', visited: false, current: false },
    { id: 'b', name: zh('检查'), kind: 'task', visited: false, current: true },
    { id: 'c', name: zh('办结'), kind: 'final', visited: false, current: false },
  ],
  transitions: [
    { from: 'a', to: 'b', event: 'SUBMIT' },
    { from: 'a', to: 'b', event: 'SKIP' },
    { from: 'b', to: 'c', event: 'PASS' },
    { from: 'b', to: 'b', event: 'SAVE' },
    { from: 'a', to: 'check', event: 'AUTO' },
  ],
};

describe('layoutTrace', () => {
  it('lays states out left to right, merges parallel events and marks the edges the instance took', () => {
    const { nodes, edges } = layoutTrace(view);
    expect(nodes.map((n) => n.state.id)).toEqual(['a', 'b', 'c']);
    const x = Object.fromEntries(nodes.map((n) => [n.state.id, n.x]));
    expect(x.a).toBeLessThan(x.b);
    expect(x.b).toBeLessThan(x.c);
    expect(edges).toHaveLength(2);
    expect(edges.find((e) => e.id === 'a->b')).toMatchObject({ events: ['SUBMIT', 'SKIP'], taken: true });
    expect(edges.find((e) => e.id === 'b->c')?.taken).toBe(false);
  });

  it('marks exactly the moves the history records when it is known', () => {
    const { edges } = layoutTrace(view, new Set(['b->c']));
    expect(edges.find((e) => e.id === 'a->b')?.taken).toBe(false);
    expect(edges.find((e) => e.id === 'b->c')?.taken).toBe(true);
  });
});
