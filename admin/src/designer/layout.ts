import { Graph, layout } from '@dagrejs/dagre';

import type { Doc, EdgeRef } from './model';

export const NODE_W = 168;
export const NODE_H = 56;

/** Left-to-right layered positions for every state (top-left corners, as React Flow wants them). */
export function autoLayout(doc: Doc, edges: EdgeRef[]): Record<string, { x: number; y: number }> {
  const g = new Graph({ multigraph: true });
  g.setGraph({ rankdir: 'LR', nodesep: 40, ranksep: 110, marginx: 16, marginy: 16 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const id of Object.keys(doc.states)) g.setNode(id, { width: NODE_W, height: NODE_H });
  for (const e of edges) if (doc.states[e.to] && e.from !== e.to) g.setEdge(e.from, e.to, {}, e.id);
  layout(g);
  return Object.fromEntries(
    Object.keys(doc.states).map((id) => {
      const n = g.node(id);
      return [id, { x: n.x - NODE_W / 2, y: n.y - NODE_H / 2 }];
    }),
  );
}
