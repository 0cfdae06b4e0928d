import '@xyflow/react/dist/style.css';

import {
  Background,
  type Edge,
  Handle,
  MarkerType,
  type Node,
  type NodeProps,
  Position,
  ReactFlow,
} from '@xyflow/react';
import { theme } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

import { useLocalize } from '../../../components/localized-text';
import { labelOfEvent } from '../../../lib/event-label';
import type { DefinitionDocument, InstanceView } from '../../../types/contract';
import { layoutTrace, NODE_HEIGHT, NODE_WIDTH } from './trace-layout';
import { DIAGRAM_MAX_HEIGHT, DIAGRAM_MIN_HEIGHT } from './trace-size';

type Phase = 'current' | 'visited' | 'ended' | 'waiting';
type StateNodeData = { label: string; phase: Phase; phaseLabel: string; final: boolean };
type StateNode = Node<StateNodeData, 'state'>;

function StateBox({ data }: NodeProps<StateNode>) {
  const { token } = theme.useToken();
  const palette: Record<Phase, { border: string; background: string; color: string }> = {
    current: { border: token.colorPrimary, background: token.colorPrimary, color: '#fff' },
    ended: { border: token.colorSuccess, background: token.colorSuccess, color: '#fff' },
    visited: { border: token.colorSuccess, background: token.colorSuccessBg, color: token.colorText },
    waiting: { border: token.colorBorder, background: token.colorBgContainer, color: token.colorTextSecondary },
  };
  const p = palette[data.phase];
  return (
    <div
      data-testid={`trace-node-${data.phase}`}
      title={data.phaseLabel ? `${data.label} · ${data.phaseLabel}` : data.label}
      style={{
        width: NODE_WIDTH,
        height: NODE_HEIGHT,
        display: 'flex',
        flexDirection: 'column',
        alignItems: 'center',
        justifyContent: 'center',
        border: `${data.phase === 'current' ? 2 : 1}px ${data.phase === 'waiting' ? 'dashed' : 'solid'} ${p.border}`,
        borderRadius: data.final ? NODE_HEIGHT / 2 : 6,
        background: p.background,
        color: p.color,
        fontSize: 13,
        lineHeight: 1.25,
        boxShadow: data.phase === 'current' ? `0 0 0 4px ${token.colorPrimaryBg}` : undefined,
      }}
    >
      <Handle type="target" id="in" position={Position.Left} style={{ visibility: 'hidden' }} />
      <Handle type="target" id="back-in" position={Position.Bottom} style={{ visibility: 'hidden' }} />
      <Handle type="source" id="back-out" position={Position.Bottom} style={{ visibility: 'hidden' }} />
      <span
        style={{
          fontWeight: data.phase === 'current' ? 600 : 400,
          maxWidth: NODE_WIDTH - 12,
          overflow: 'hidden',
          textOverflow: 'ellipsis',
          whiteSpace: 'nowrap',
        }}
      >
        {data.label}
      </span>
      {data.phaseLabel && <span style={{ fontSize: 11, opacity: 0.85 }}>{data.phaseLabel}</span>}
      <Handle type="source" id="out" position={Position.Right} style={{ visibility: 'hidden' }} />
    </div>
  );
}

const NODE_TYPES = { state: StateBox };

/** 流程图: the whole workflow laid out by dagre, the current state highlighted, the path taken so far in green. */
export function TraceDiagram({
  view,
  definition,
  moves,
}: {
  view: InstanceView;
  definition?: DefinitionDocument;
  moves?: Set<string>;
}) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const { token } = theme.useToken();
  const completed = view.status === 'completed';
  const { nodes, edges, height } = useMemo(() => {
    const laid = layoutTrace(view, moves);
    const phaseOf = (s: InstanceView['states'][number]): Phase =>
      s.current ? (completed ? 'ended' : 'current') : s.visited ? 'visited' : 'waiting';
    const flowNodes: StateNode[] = laid.nodes.map(({ state, x, y }) => {
      const phase = phaseOf(state);
      return {
        id: state.id,
        type: 'state',
        position: { x, y },
        data: {
          label: localize(state.name) || state.id,
          phase,
          phaseLabel:
            phase === 'current'
              ? t('instances.traceCurrent')
              : phase === 'ended'
                ? t('instances.traceEnded')
                : phase === 'visited'
                  ? t('instances.traceVisited')
                  : '',
          final: state.kind === 'final',
        },
        draggable: false,
        selectable: false,
      };
    });
    const xOf = new Map(laid.nodes.map((n) => [n.state.id, n.x]));
    const flowEdges: Edge[] = laid.edges.map((e) => {
      // Edges going back (退回) leave and enter from below so they never sit on top of the forward path.
      const back = (xOf.get(e.to) ?? 0) <= (xOf.get(e.from) ?? 0);
      const color = e.taken ? token.colorSuccess : token.colorBorder;
      const labels = e.events
        .map((ev) => localize(labelOfEvent(ev, definition, e.from)))
        .filter((l, i, all) => l && all.indexOf(l) === i);
      return {
        id: e.id,
        source: e.from,
        target: e.to,
        ...(back
          ? {
              sourceHandle: 'back-out',
              targetHandle: 'back-in',
              type: 'smoothstep',
              pathOptions: { offset: 18, borderRadius: 8 },
            }
          : { sourceHandle: 'out', targetHandle: 'in' }),
        label: labels.join(' / '),
        labelStyle: { fontSize: 11, fill: e.taken ? token.colorText : token.colorTextTertiary },
        labelBgStyle: { fill: token.colorBgContainer, fillOpacity: 0.9 },
        style: { stroke: color, strokeWidth: e.taken ? 2 : 1, strokeDasharray: e.taken ? undefined : '4 3' },
        markerEnd: { type: MarkerType.ArrowClosed, color, width: 16, height: 16 },
        selectable: false,
        focusable: false,
      };
    });
    return { nodes: flowNodes, edges: flowEdges, height: laid.height };
  }, [view, definition, moves, localize, t, token, completed]);

  return (
    <div
      style={{ height: Math.min(Math.max(height + 64, DIAGRAM_MIN_HEIGHT), DIAGRAM_MAX_HEIGHT), width: '100%' }}
      data-testid="trace-diagram"
      aria-label={t('trace.ariaLabel')}
      role="img"
    >
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={NODE_TYPES}
        fitView
        fitViewOptions={{ padding: 0.08 }}
        minZoom={0.3}
        maxZoom={1.2}
        nodesDraggable={false}
        nodesConnectable={false}
        elementsSelectable={false}
        zoomOnScroll={false}
        preventScrolling={false}
        proOptions={{ hideAttribution: true }}
      >
        <Background gap={16} color={token.colorFillSecondary} />
      </ReactFlow>
    </div>
  );
}
