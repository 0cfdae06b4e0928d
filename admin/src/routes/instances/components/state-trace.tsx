import { Card, Grid, Segmented, Skeleton, Space, Steps, theme, Tooltip, Typography } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { useLocalize } from '../../../components/localized-text';
import type { DefinitionDocument, InstanceView, TraceState } from '../../../types/contract';
import { DIAGRAM_MIN_HEIGHT } from './trace-size';
import { useTraceMoves } from './use-trace-moves';

// The diagram's graph libraries (@xyflow, dagre) are fetched only where the diagram is shown (not on a phone),
// and there as soon as the instance page is: fetched after the instance's data, the card grew under the pointer
// once the page had drawn (the actions below it moved).
const loadDiagram = () => import('./trace-diagram');
if (typeof window !== 'undefined' && window.matchMedia?.('(min-width: 768px)').matches) void loadDiagram();
const TraceDiagram = lazy(() => loadDiagram().then((m) => ({ default: m.TraceDiagram })));

/** States in the order the flow reaches them: breadth-first over the transitions from the first state, finals last. */
function orderStates(states: TraceState[], transitions: InstanceView['transitions']): TraceState[] {
  if (states.length === 0) return states;
  const byId = new Map(states.map((s) => [s.id, s]));
  const seen = new Set<string>([states[0].id]);
  const queue = [states[0].id];
  const ordered: TraceState[] = [];
  while (queue.length) {
    const id = queue.shift() as string;
    const s = byId.get(id);
    if (s) ordered.push(s);
    for (const tr of transitions) {
      if (tr.from === id && !seen.has(tr.to)) {
        seen.add(tr.to);
        queue.push(tr.to);
      }
    }
  }
  // Final states close the trace, whichever branch reaches them first.
  const all = [...ordered, ...states.filter((s) => !seen.has(s.id))];
  return [...all.filter((s) => s.kind !== 'final'), ...all.filter((s) => s.kind === 'final')];
}

/** Compact 流程轨迹 as steps: visited states done, the current one highlighted, the rest waiting. */
function StepsTrace({ view }: { view: InstanceView }) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const states = orderStates(view.states, view.transitions).filter((s) => s.kind !== 'auto' || s.visited);
  const completed = view.status === 'completed';
  const nextOf = (id: string) =>
    view.transitions
      .filter((tr) => tr.from === id)
      .map((tr) => localize(view.states.find((s) => s.id === tr.to)?.name ?? tr.to))
      .filter((name, i, all) => all.indexOf(name) === i);
  return (
    <div style={{ overflowX: 'auto', paddingBottom: 4 }} data-testid="steps-trace">
      <Steps
        size="small"
        labelPlacement="vertical"
        style={{ minWidth: Math.max(states.length * 120, 480) }}
        items={states.map((s) => {
          const status = s.current ? (completed ? 'finish' : 'process') : s.visited ? 'finish' : 'wait';
          const next = nextOf(s.id);
          return {
            status,
            title: (
              <Tooltip
                title={
                  next.length ? t('instances.nextStates', { states: next.join(t('common.listSeparator')) }) : undefined
                }
              >
                <span style={{ fontWeight: s.current ? 600 : undefined }}>{localize(s.name)}</span>
              </Tooltip>
            ),
            description: s.current
              ? completed
                ? t('instances.traceEnded')
                : t('instances.traceCurrent')
              : s.visited
                ? t('instances.traceVisited')
                : undefined,
          };
        })}
      />
    </div>
  );
}

function Legend() {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const swatch = (background: string, border: string, dashed = false) => (
    <span
      style={{
        display: 'inline-block',
        width: 14,
        height: 10,
        borderRadius: 2,
        background,
        border: `1px ${dashed ? 'dashed' : 'solid'} ${border}`,
        marginInlineEnd: 4,
      }}
    />
  );
  return (
    <Space size={12} wrap>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {swatch(token.colorPrimary, token.colorPrimary)}
        {t('instances.traceCurrent')}
      </Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {swatch(token.colorSuccessBg, token.colorSuccess)}
        {t('instances.traceVisited')}
      </Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {swatch(token.colorBgContainer, token.colorBorder, true)}
        {t('trace.waiting')}
      </Typography.Text>
    </Space>
  );
}

/** 流程轨迹: the workflow diagram on wide screens, the compact steps on narrow ones (and on request). */
export function StateTrace({ view, definition }: { view: InstanceView; definition?: DefinitionDocument }) {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const [mode, setMode] = useState<'auto' | 'diagram' | 'steps'>('auto');
  const shown = mode === 'auto' ? (screens.md === false ? 'steps' : 'diagram') : mode;
  const moves = useTraceMoves(view);
  return (
    <Card
      title={t('instances.trace')}
      size="small"
      style={{ marginBottom: 16 }}
      data-testid="state-trace"
      extra={
        <Space size={12} wrap>
          {shown === 'diagram' && screens.lg && <Legend />}
          <Segmented<'diagram' | 'steps'>
            size="small"
            value={shown}
            onChange={setMode}
            options={[
              { value: 'diagram', label: t('trace.diagram') },
              { value: 'steps', label: t('trace.steps') },
            ]}
          />
        </Space>
      }
    >
      {shown === 'diagram' ? (
        <Suspense
          fallback={
            <div style={{ minHeight: DIAGRAM_MIN_HEIGHT }}>
              <Skeleton active paragraph={{ rows: 4 }} />
            </div>
          }
        >
          <TraceDiagram view={view} definition={definition} moves={moves} />
        </Suspense>
      ) : (
        <StepsTrace view={view} />
      )}
    </Card>
  );
}
