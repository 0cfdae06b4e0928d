import { Graph, layout } from '@dagrejs/dagre';

import type { InstanceView, TraceState } from '../../../types/contract';

export const NODE_WIDTH = 132;
export const NODE_HEIGHT = 44;

export type TraceNodeLayout = { state: TraceState; x: number; y: number };
export type TraceEdgeLayout = { id: string; from: string; to: string; events: string[]; taken: boolean };

/**
 * Left-to-right layered layout of the workflow graph. Several events between the same two states
 * become one edge. `moves` (from → to pairs read from the instance's history) say which edges were
 * taken; without them an edge counts as taken when both its ends were reached.
 */
export function layoutTrace(
  view: Pick<InstanceView, 'states' | 'transitions'>,
  moves?: Set<string>,
): { nodes: TraceNodeLayout[]; edges: TraceEdgeLayout[]; width: number; height: number } {
  // Automatic states nobody reached are plumbing: leave them out like the Steps trace does.
  const states = view.states.filter((s) => s.kind !== 'auto' || s.visited || s.current);
  const ids = new Set(states.map((s) => s.id));
  const edges = new Map<string, TraceEdgeLayout>();
  for (const tr of view.transitions) {
    if (!ids.has(tr.from) || !ids.has(tr.to) || tr.from === tr.to) continue;
    const id = `${tr.from}->${tr.to}`;
    const edge = edges.get(id);
    if (edge) edge.events.push(tr.event);
    else {
      const reached = (sid: string) => states.some((s) => s.id === sid && (s.visited || s.current));
      edges.set(id, {
        id,
        from: tr.from,
        to: tr.to,
        events: [tr.event],
        taken: moves ? moves.has(id) : reached(tr.from) && reached(tr.to),
      });
    }
  }
  const g = new Graph();
  g.setGraph({ rankdir: 'LR', nodesep: 28, ranksep: 96, marginx: 8, marginy: 24 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const s of states) g.setNode(s.id, { width: NODE_WIDTH, height: NODE_HEIGHT });
  for (const e of edges.values()) g.setEdge(e.from, e.to);
  layout(g);
  const nodes = states.map((state) => {
    const n = g.node(state.id);
    return { state, x: n.x - NODE_WIDTH / 2, y: n.y - NODE_HEIGHT / 2 };
  });
  const graph = g.graph();
  return { nodes, edges: [...edges.values()], width: graph.width ?? 0, height: graph.height ?? 0 };
}
