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
      return [id, { x: Math.round(n.x - NODE_W / 2), y: Math.round(n.y - NODE_H / 2) }];
    }),
  );
}

type Point = { x: number; y: number };
const overlaps = (a: Point, b: Point) => Math.abs(a.x - b.x) < NODE_W + 24 && Math.abs(a.y - b.y) < NODE_H + 24;

/**
 * Where every state goes without moving any that already has a place (the bureau's arrangement, or where
 * it was dragged): only states with none are placed, where the layered layout would put them, moved down
 * until they cover no other. Connecting two steps therefore never reshuffles the canvas; 自动布局 does.
 */
export function keepPlaces(doc: Doc, edges: EdgeRef[], known: Record<string, Point>): Record<string, Point> {
  const ids = Object.keys(doc.states);
  const kept = Object.fromEntries(ids.filter((id) => known[id]).map((id) => [id, known[id] as Point]));
  const missing = ids.filter((id) => !kept[id]);
  if (missing.length === 0) return kept;
  if (Object.keys(kept).length === 0) return autoLayout(doc, edges);
  const auto = autoLayout(doc, edges);
  const placed: Record<string, Point> = { ...kept };
  for (const id of missing) {
    const spot = { ...(auto[id] ?? { x: 0, y: 0 }) };
    while (Object.values(placed).some((p) => overlaps(p, spot))) spot.y += NODE_H + 32;
    placed[id] = spot;
  }
  return placed;
}
