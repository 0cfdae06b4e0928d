import '@xyflow/react/dist/style.css';

import {
  applyNodeChanges,
  type AriaLabelConfig,
  Background,
  type Connection,
  Controls,
  type Edge,
  MarkerType,
  type NodeChange,
  ReactFlow,
  type ReactFlowInstance,
} from '@xyflow/react';
import { theme } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { useLocalize } from '../components/localized-text';
import { reducedMotion } from '../config/reduced-motion';
import { autoLayout, keepPlaces } from './layout';
import { type Doc, type EdgeRef, transitionLabel } from './model';
import { StateNode, type StateNodeType } from './state-node';

export type Selection = { type: 'state'; id: string } | { type: 'edge'; id: string } | null;

type Props = {
  doc: Doc;
  edges: EdgeRef[];
  errorsByState: Record<string, number>;
  errorsByEdge: Record<string, number>;
  selection: Selection;
  trail?: { current: string | null; visited: string[] };
  onSelect: (s: Selection) => void;
  onConnect: (from: string, to: string) => void;
  /** Bumped by 自动布局: the one thing that moves steps the bureau has placed. */
  layoutKey: number;
  /** Where the steps now sit, after a drag or 自动布局 (kept in the draft's `layout`); absent when read-only. */
  onPlaced?: (layout: Record<string, { x: number; y: number }>) => void;
};

const nodeTypes = { state: StateNode };

/** The workflow graph: steps stay where the bureau put them (dagre places new ones and lays out on request); drawing from a handle adds a transition. */
export function DesignerCanvas({
  doc,
  edges,
  errorsByState,
  errorsByEdge,
  selection,
  trail,
  onSelect,
  onConnect,
  layoutKey,
  onPlaced,
}: Props) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const { token } = theme.useToken();
  const steps = Object.keys(doc.states).join(',');
  const [positions, setPositions] = useState<Record<string, { x: number; y: number }>>(() =>
    keepPlaces(doc, edges, doc.layout ?? {}),
  );
  // React Flow keeps nodes hidden until it has measured them; controlled nodes must carry that back.
  const [measured, setMeasured] = useState<Record<string, StateNodeType['measured']>>({});
  // Steps that come (added, renamed) get a free place; every other step stays where it is, whatever the
  // arrows do: a layout that re-ran on each new arrow swapped nodes under the pointer (issue 12.9).
  useEffect(() => setPositions((now) => keepPlaces(doc, edges, { ...doc.layout, ...now })), [steps]); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => {
    if (layoutKey === 0) return;
    const auto = autoLayout(doc, edges);
    setPositions(auto);
    onPlaced?.(auto);
  }, [layoutKey]); // eslint-disable-line react-hooks/exhaustive-deps
  const [flow, setFlow] = useState<ReactFlowInstance<StateNodeType, Edge> | null>(null);
  // aria-busy until the view has moved: a step read or clicked before is not where it will be. Set on the
  // element itself: through state it would render the whole canvas again for a flag.
  const canvas = useRef<HTMLDivElement>(null);
  // Every step in view when steps come or go or are laid out again (new nodes are measured on the next
  // frame); never on a new arrow, which would slide the canvas under the pointer.
  useEffect(() => {
    canvas.current?.setAttribute('aria-busy', 'true');
    const timer = setTimeout(
      () =>
        void Promise.resolve(flow?.fitView({ padding: 0.15, duration: reducedMotion ? 0 : 200 })).finally(() =>
          canvas.current?.setAttribute('aria-busy', 'false'),
        ),
      60,
    );
    return () => clearTimeout(timer);
  }, [steps, layoutKey, flow]);

  const nodes: StateNodeType[] = useMemo(
    () =>
      Object.entries(doc.states).map(([id, s]) => ({
        id,
        type: 'state' as const,
        position: positions[id] ?? { x: 0, y: 0 },
        measured: measured[id],
        selected: selection?.type === 'state' && selection.id === id,
        // What a screen reader says on the step: its name and kind, whether it starts the workflow, its problems.
        ariaLabel: [
          t('designer.canvas.node', { name: localize(s.name) || id, kind: t(`designer.kinds.${s.kind}`) }),
          doc.initial === id ? t('designer.canvas.initial') : null,
          errorsByState[id] ? t('designer.canvas.errors', { count: errorsByState[id] }) : null,
        ]
          .filter(Boolean)
          .join(t('designer.canvas.sep')),
        data: {
          id,
          label: localize(s.name),
          kind: s.kind,
          kindLabel: t(`designer.kinds.${s.kind}`),
          initial: doc.initial === id,
          errors: errorsByState[id] ?? 0,
          trail: trail?.current === id ? 'current' : trail?.visited.includes(id) ? 'visited' : null,
        },
      })),
    [doc, positions, measured, selection, errorsByState, trail, localize, t],
  );
  // React Flow's own words for its controls and keyboard hints, in the console's language.
  const ariaLabelConfig: Partial<AriaLabelConfig> = useMemo(
    () => ({
      'node.a11yDescription.default': t('designer.canvas.nodeHelp'),
      'node.a11yDescription.keyboardDisabled': t('designer.canvas.nodeHelpMove'),
      'node.a11yDescription.ariaLiveMessage': ({ direction, x, y }) =>
        t('designer.canvas.moved', { direction: t(`designer.canvas.directions.${direction}`), x, y }),
      'edge.a11yDescription.default': t('designer.canvas.edgeHelp'),
      'controls.ariaLabel': t('designer.canvas.controls'),
      'controls.zoomIn.ariaLabel': t('designer.canvas.zoomIn'),
      'controls.zoomOut.ariaLabel': t('designer.canvas.zoomOut'),
      'controls.fitView.ariaLabel': t('designer.canvas.fitView'),
      'controls.interactive.ariaLabel': t('designer.canvas.interactive'),
      'handle.ariaLabel': t('designer.canvas.handle'),
    }),
    [t],
  );
  const flowEdges: Edge[] = useMemo(
    () =>
      edges
        .filter((e) => doc.states[e.to])
        .map((e) => {
          const bad = (errorsByEdge[e.id] ?? 0) > 0;
          const selected = selection?.type === 'edge' && selection.id === e.id;
          const walked =
            !!trail && trail.visited.includes(e.from) && (trail.visited.includes(e.to) || trail.current === e.to);
          const stroke = bad
            ? token.colorError
            : selected
              ? token.colorPrimary
              : walked
                ? token.colorSuccess
                : token.colorTextQuaternary;
          const label = e.path.startsWith('on.')
            ? localize(transitionLabel(doc, e.from, e.event))
            : t(`designer.edges.${e.path.split('.')[0]}`);
          // Arrows going back (returns, rejections) are routed around the nodes instead of over the forward ones.
          const back = (positions[e.to]?.x ?? 0) <= (positions[e.from]?.x ?? 0) && e.from !== e.to;
          return {
            id: e.id,
            source: e.from,
            target: e.to,
            ...(back ? { type: 'smoothstep', pathOptions: { offset: 28, borderRadius: 12 } } : {}),
            label: bad ? `⚠ ${label}` : label,
            ariaLabel: [
              t('designer.canvas.edge', {
                from: localize(doc.states[e.from]?.name) || e.from,
                to: localize(doc.states[e.to]?.name) || e.to,
                label,
              }),
              bad ? t('designer.canvas.errors', { count: errorsByEdge[e.id] }) : null,
            ]
              .filter(Boolean)
              .join(t('designer.canvas.sep')),
            selected,
            animated: walked,
            markerEnd: { type: MarkerType.ArrowClosed, color: stroke },
            style: { stroke, strokeWidth: selected || bad ? 2.5 : 1.5 },
            labelStyle: { fill: bad ? token.colorError : token.colorText, fontSize: 12 },
            labelBgStyle: { fill: token.colorBgContainer },
          };
        }),
    [edges, doc, positions, errorsByEdge, selection, trail, token, localize, t],
  );

  return (
    <div
      ref={canvas}
      data-testid="designer-canvas"
      // Enter or Space on a focused step or arrow opens its panel, as a click does (React Flow only marks it selected).
      onKeyDown={(e) => {
        if (e.key !== 'Enter' && e.key !== ' ') return;
        const target = e.target instanceof Element ? e.target : null;
        const node = target?.closest<HTMLElement>('.react-flow__node')?.dataset.id;
        const edge = target?.closest<SVGElement>('.react-flow__edge')?.dataset.id;
        if (node) onSelect({ type: 'state', id: node });
        else if (edge) onSelect({ type: 'edge', id: edge });
      }}
      style={{
        height: 520,
        border: `1px solid ${token.colorBorderSecondary}`,
        borderRadius: 8,
        background: token.colorFillQuaternary,
      }}
    >
      <ReactFlow<StateNodeType, Edge>
        nodes={nodes}
        edges={flowEdges}
        nodeTypes={nodeTypes}
        aria-label={t('designer.canvas.label')}
        ariaLabelConfig={ariaLabelConfig}
        onInit={setFlow}
        fitView
        fitViewOptions={{ padding: 0.2 }}
        minZoom={0.3}
        onNodesChange={(changes: NodeChange<StateNodeType>[]) => {
          const next = applyNodeChanges(changes, nodes);
          setPositions(Object.fromEntries(next.map((n) => [n.id, n.position])));
          setMeasured(Object.fromEntries(next.map((n) => [n.id, n.measured])));
        }}
        onNodeDragStop={(_, __, moved) => {
          // Whole pixels: the saved arrangement reads as what it is, not as 229.99556327160502.
          const next = {
            ...positions,
            ...Object.fromEntries(
              moved.map((n) => [n.id, { x: Math.round(n.position.x), y: Math.round(n.position.y) }]),
            ),
          };
          setPositions(next);
          onPlaced?.(next);
        }}
        onNodeClick={(_, n) => onSelect({ type: 'state', id: n.id })}
        onEdgeClick={(_, e) => onSelect({ type: 'edge', id: e.id })}
        onPaneClick={() => onSelect(null)}
        onConnect={(c: Connection) => c.source && c.target && onConnect(c.source, c.target)}
        deleteKeyCode={null}
        proOptions={{ hideAttribution: true }}
      >
        <Background gap={16} />
        <Controls showInteractive={false} />
      </ReactFlow>
    </div>
  );
}
