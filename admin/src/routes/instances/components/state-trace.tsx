import { Card, Steps, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocalize } from '../../../components/localized-text';
import type { InstanceView, TraceState } from '../../../types/contract';

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

/** 流程轨迹: visited states done, the current one highlighted, the rest waiting. */
export function StateTrace({ view }: { view: InstanceView }) {
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
    <Card title={t('instances.trace')} size="small" style={{ marginBottom: 16 }} data-testid="state-trace">
      <div style={{ overflowX: 'auto', paddingBottom: 4 }}>
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
                <Tooltip title={next.length ? t('instances.nextStates', { states: next.join(t('common.listSeparator')) }) : undefined}>
                  <span style={{ fontWeight: s.current ? 600 : undefined }}>{localize(s.name)}</span>
                </Tooltip>
              ),
              description: s.current ? (completed ? t('instances.traceEnded') : t('instances.traceCurrent')) : s.visited ? t('instances.traceVisited') : undefined,
            };
          })}
        />
      </div>
    </Card>
  );
}
