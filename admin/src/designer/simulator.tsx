import { PlayCircleOutlined, ReloadOutlined } from '@ant-design/icons';
import {
  actionBlocks,
  allFields,
  availableEvents,
  BLOCKS,
  describeSnapshot,
  type Effect,
  fieldAccess,
  formOf,
  type PersistedSnapshot,
  start,
  step,
  type StepResult,
  type TDefinition,
} from '@eduflow/workflows';
import { Alert, Button, Card, Empty, Form, Input, List, Select, Space, Tag, Timeline, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { FieldRefsProvider } from '../components/field-refs';
import { FormFieldItem } from '../components/form-field-input';
import { useLocalize } from '../components/localized-text';
import { SIM_USERS, simActor, simAssignments, simEnv, simSubject, type SimUser } from './sim-world';

type LogEntry = { by: string; event: string; from: string | null; to: string; effects: Effect[] };
type Props = {
  def: TDefinition | null;
  onTrail: (t: { current: string | null; visited: string[] } | undefined) => void;
};

/** Runs the draft with the pure engine in the browser: pick who acts, fill the step's form, fire events. */
export function Simulator({ def, onTrail }: Props) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const [form] = Form.useForm();
  const [userId, setUserId] = useState<string>('principal-1');
  const [snap, setSnap] = useState<PersistedSnapshot | null>(null);
  const [log, setLog] = useState<LogEntry[]>([]);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [comment, setComment] = useState('');
  const [chosen, setChosen] = useState<string | null>(null);
  const user: SimUser = SIM_USERS.find((u) => u.id === userId) ?? SIM_USERS[0];
  const userLabel = (u: SimUser) =>
    `${t(`roles.${u.role}`)} ${u.n === 1 ? t('designer.sim.personA') : t('designer.sim.personB')}`;

  // A changed definition invalidates a running simulation: start again.
  useEffect(() => reset(), [def]); // eslint-disable-line react-hooks/exhaustive-deps
  function reset() {
    setSnap(null);
    setLog([]);
    setRefusal(null);
    setChosen(null);
    onTrail(undefined);
    form.resetFields();
  }
  const described = useMemo(() => (def && snap ? describeSnapshot(def, snap) : null), [def, snap]);
  useEffect(() => {
    if (described)
      onTrail({ current: described.status === 'running' ? described.state : null, visited: described.visited });
  }, [described]); // eslint-disable-line react-hooks/exhaustive-deps

  if (!def)
    return <Alert type="warning" showIcon message={t('designer.sim.invalid')} data-testid="designer-sim-invalid" />;
  const env = simEnv(def);
  const events = snap ? availableEvents(def, snap, simActor(user), env).filter((e) => !e.mechanic) : [];
  const stateId = described?.state ?? null;
  const access = fieldAccess(def, snap ? stateId : null);
  const catalog = allFields(def);
  // Before the start: the start form; then the fields this step may fill (its own and those it was granted).
  const fields = (
    snap ? Object.keys(access).flatMap((name) => catalog.get(name) ?? []) : formOf(def, null).fields
  ).filter((f) => !snap || access[f.name] === 'editable' || access[f.name] === 'required');

  const apply = (result: StepResult, event: string, from: string | null) => {
    if (!result.ok) {
      const fieldMsgs = Object.values(result.fieldErrors ?? {}).map((m) => localize(m));
      setRefusal([localize(result.message), ...fieldMsgs].join('；'));
      return;
    }
    setRefusal(null);
    setSnap(result.snapshot);
    setLog((l) => [...l, { by: userLabel(user), event, from, to: result.state, effects: result.effects }]);
    setChosen(null);
    setComment('');
    form.resetFields();
  };
  const fire = async (type: string) => {
    const data = await form.validateFields().catch(() => null);
    if (data === null || !snap) return;
    const clean = Object.fromEntries(Object.entries(data).filter(([, v]) => v !== undefined && v !== null && v !== ''));
    apply(step(def, snap, { type, data: clean, comment: comment || undefined }, simActor(user), env), type, stateId);
  };
  const begin = async () => {
    const data = await form.validateFields().catch(() => null);
    if (data === null) return;
    const clean = Object.fromEntries(Object.entries(data).filter(([, v]) => v !== undefined && v !== null && v !== ''));
    apply(
      start(
        def,
        { subject: simSubject(def), initiator: simActor(user), data: clean, assignments: simAssignments() },
        env,
      ),
      'START',
      null,
    );
  };
  // What the server would add: the blocks of an action run there (experts, scores, findings), never in the browser.
  const blockNames = (state: string | null, event: string) =>
    (state === null ? [] : actionBlocks(def, state, event)).map((u) => localize(BLOCKS[u.name].label)).join('、');
  const withBlocks = events.filter((e) => blockNames(stateId, e.type));
  const effectText = (e: Effect) => {
    switch (e.type) {
      case 'openTask':
        return t('designer.sim.effects.openTask', {
          state: localize(def.states[e.state]?.name),
          who: e.candidates.map((c) => ('userId' in c ? c.userId : t(`roles.${c.role}`))).join('、'),
        });
      case 'closeTask':
        return t('designer.sim.effects.closeTask', { key: e.taskKey });
      case 'scheduleTimer':
        return t('designer.sim.effects.scheduleTimer', {
          timer: t(`designer.sim.timers.${e.event.timer}`),
          at: e.dueAt.slice(0, 10),
        });
      case 'cancelTimer':
        return t('designer.sim.effects.cancelTimer', { key: e.timerKey });
      case 'moved': {
        const blocks = blockNames(e.from, e.event);
        return (
          t('designer.sim.effects.moved', { event: e.event }) +
          (blocks ? ` · ${t('designer.blocks.simMoved', { names: blocks })}` : '')
        );
      }
      default:
        return t(`designer.sim.effects.${e.type}`, { defaultValue: e.type });
    }
  };

  return (
    <Card
      size="small"
      title={t('designer.sim.title')}
      data-testid="designer-simulator"
      extra={
        <Button size="small" icon={<ReloadOutlined />} onClick={reset}>
          {t('designer.sim.reset')}
        </Button>
      }
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        <Space wrap>
          <Typography.Text>{t('designer.sim.actingAs')}</Typography.Text>
          <Select
            style={{ width: 220 }}
            value={userId}
            aria-label={t('designer.sim.actingAs')}
            onChange={setUserId}
            options={SIM_USERS.map((u) => ({ value: u.id, label: userLabel(u) }))}
            data-testid="designer-sim-user"
            showSearch
            optionFilterProp="label"
          />
          {described && (
            <Tag color={described.status === 'completed' ? 'success' : 'processing'} data-testid="designer-sim-state">
              {localize(def.states[described.state]?.name)}
              {described.status === 'completed' ? ` · ${t('designer.sim.completed')}` : ''}
            </Tag>
          )}
        </Space>
        {refusal && (
          <Alert
            type="error"
            showIcon
            message={refusal}
            closable
            onClose={() => setRefusal(null)}
            data-testid="designer-sim-refusal"
          />
        )}
        {(!snap || described?.status === 'running') && fields.length > 0 && (
          <Form form={form} layout="vertical" size="small">
            <FieldRefsProvider definition={def}>
              {fields.map((f) => (
                <FormFieldItem key={f.name} field={f} required={snap ? access[f.name] === 'required' : f.required} />
              ))}
            </FieldRefsProvider>
          </Form>
        )}
        {!snap ? (
          <Button
            type="primary"
            icon={<PlayCircleOutlined />}
            onClick={() => void begin()}
            data-testid="designer-sim-start"
          >
            {t('designer.sim.start')}
          </Button>
        ) : described?.status === 'running' ? (
          <>
            <Input.TextArea
              rows={2}
              placeholder={t('designer.sim.comment')}
              aria-label={t('designer.sim.comment')}
              value={comment}
              onChange={(e) => setComment(e.target.value)}
            />
            {events.length === 0 ? (
              <Typography.Text type="secondary">{t('designer.sim.noEvents')}</Typography.Text>
            ) : (
              <Space wrap>
                {events.map((e) => (
                  <Button
                    key={e.type}
                    type={chosen === e.type ? 'primary' : 'default'}
                    title={e.blockedBy ? localize(e.blockedBy.message) : undefined}
                    onClick={() => {
                      setChosen(e.type);
                      void fire(e.type);
                    }}
                    data-testid={`designer-sim-event-${e.type}`}
                  >
                    {localize(e.label)}
                    {e.blockedBy ? ' ⚠' : ''}
                  </Button>
                ))}
              </Space>
            )}
            {withBlocks.map((e) => (
              <Alert
                key={e.type}
                type="info"
                showIcon
                style={{ marginTop: 8 }}
                data-testid="designer-sim-blocks"
                message={`${localize(e.label)}：${t('designer.blocks.sim', { names: blockNames(stateId, e.type) })}`}
              />
            ))}
          </>
        ) : null}
        {log.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('designer.sim.empty')} />
        ) : (
          <Timeline
            items={log.map((entry, i) => ({
              key: i,
              children: (
                <>
                  <Typography.Text strong>
                    {entry.by} · {entry.event === 'START' ? t('designer.sim.started') : entry.event} →{' '}
                    {localize(def.states[entry.to]?.name)}
                  </Typography.Text>
                  <List
                    size="small"
                    split={false}
                    dataSource={entry.effects.filter((e) => e.type !== 'notify')}
                    renderItem={(e) => <List.Item style={{ padding: '0 0 0 8px' }}>· {effectText(e)}</List.Item>}
                  />
                </>
              ),
            }))}
          />
        )}
      </Space>
    </Card>
  );
}
