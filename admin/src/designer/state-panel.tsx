import { DeleteOutlined, FlagOutlined } from '@ant-design/icons';
import { eventLabel, MECHANICS, OUTCOMES } from '@eduflow/workflows';
import {
  Alert,
  Button,
  Checkbox,
  ConfigProvider,
  Divider,
  Form,
  Input,
  InputNumber,
  Select,
  Space,
  Switch,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { useLocalize } from '../components/localized-text';
import { ActorRuleInput, ActorRuleList, PartsRuleInput } from './actor-rule-input';
import { allowedAt, BlockEditor } from './block-editor';
import { DeadlineEditor } from './deadline-editor';
import { FormBuilder } from './form-builder';
import { LocalizedInput } from './localized-input';
import { type Doc, edgesOf, patchState, removeState, renameStateId, type StateIn, transitionLabel } from './model';
import { KIND_TAG } from './state-node';

type Props = {
  doc: Doc;
  id: string;
  errors: string[];
  onChange: (doc: Doc) => void;
  onSelectState: (id: string | null) => void;
  onSelectEdge: (edgeId: string) => void;
};

const DEFAULT_MECHANICS: Record<string, string[]> = {
  task: ['SAVE', 'TRANSFER', 'DELEGATE', 'ADD_SIGNER', 'COPY_TO', 'CHASE'],
  review: ['SAVE', 'TRANSFER', 'DELEGATE', 'ADD_SIGNER', 'COPY_TO', 'CHASE'],
  collect: ['CHASE', 'COPY_TO'],
};

/** Edits the selected state: its id and names, then what its kind needs (people, join, timing), its form. */
export function StatePanel({ doc, id, errors, onChange, onSelectState, onSelectEdge }: Props) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const s = doc.states[id];
  const [draftId, setDraftId] = useState(id);
  useEffect(() => setDraftId(id), [id]);
  if (!s) return null;
  const set = (next: StateIn) => onChange(patchState(doc, id, next));
  const targets = Object.entries(doc.states).map(([k, x]) => ({ value: k, label: `${localize(x.name)} (${k})` }));
  const mechanics = (
    current: string[] | undefined,
    kind: string,
    apply: (m: Array<(typeof MECHANICS)[number]>) => void,
  ) => (
    <Form.Item label={t('designer.state.mechanics')}>
      <Checkbox.Group
        value={current ?? DEFAULT_MECHANICS[kind]}
        options={MECHANICS.map((m) => ({ value: m, label: localize(eventLabel(m)) }))}
        onChange={(v) => apply(MECHANICS.filter((m) => v.includes(m)))}
      />
    </Form.Item>
  );

  return (
    <Form layout="vertical" data-testid="designer-state-panel">
      <Space style={{ marginBottom: 8 }}>
        <Tag color={KIND_TAG[s.kind]}>{t(`designer.kinds.${s.kind}`)}</Tag>
        {doc.initial === id ? <Tag icon={<FlagOutlined />}>{t('designer.state.initial')}</Tag> : null}
      </Space>
      {errors.map((e) => (
        <Alert key={e} type="error" showIcon message={e} style={{ marginBottom: 8 }} />
      ))}
      <Form.Item label={t('designer.state.name')}>
        <LocalizedInput
          label={t('designer.state.name')}
          value={s.name}
          onChange={(name) => set({ ...s, name })}
          testId="designer-state-name"
        />
      </Form.Item>
      <Form.Item label={t('designer.state.id')} help={t('designer.state.idHelp')}>
        <Input
          value={draftId}
          aria-label={t('designer.state.id')}
          data-testid="designer-state-id"
          onChange={(e) => setDraftId(e.target.value.replace(/[^A-Za-z0-9_]/g, ''))}
          onBlur={() => {
            const next = renameStateId(doc, id, draftId);
            if (next === doc) setDraftId(id);
            else {
              onChange(next);
              onSelectState(draftId);
            }
          }}
        />
      </Form.Item>

      {s.kind !== 'final' && (
        <Form.Item label={t('designer.state.actions')}>
          {/* Going to an action is navigation, allowed on a read-only published version too. */}
          <ConfigProvider componentDisabled={false}>
            <Space wrap>
              {edgesOf(doc)
                .filter((e) => e.from === id)
                .map((e) => (
                  <Button
                    key={e.id}
                    size="small"
                    onClick={() => onSelectEdge(e.id)}
                    data-testid={`designer-edge-link-${e.path}`}
                  >
                    {e.path.startsWith('on.')
                      ? localize(transitionLabel(doc, id, e.event))
                      : t(`designer.edges.${e.path.split('.')[0]}`)}{' '}
                    → {localize(doc.states[e.to]?.name) || e.to}
                  </Button>
                ))}
              {edgesOf(doc).every((e) => e.from !== id) && (
                <Typography.Text type="secondary">{t('designer.state.noActions')}</Typography.Text>
              )}
            </Space>
          </ConfigProvider>
        </Form.Item>
      )}
      {s.kind === 'task' && (
        <>
          <Form.Item label={t('designer.state.actors')}>
            <ActorRuleList
              value={s.actors}
              onChange={(actors) => set({ ...s, actors })}
              min={1}
              testId="designer-actors"
            />
          </Form.Item>
          {mechanics(s.mechanics, s.kind, (m) => set({ ...s, mechanics: m }))}
        </>
      )}
      {s.kind === 'review' && (
        <>
          <Form.Item label={t('designer.state.assignees')}>
            <ActorRuleInput
              value={s.assignees}
              onChange={(assignees) => set({ ...s, assignees })}
              testId="designer-assignees"
            />
          </Form.Item>
          <Form.Item label={t('designer.state.join')}>
            <Space>
              <Select
                style={{ width: 200 }}
                value={s.join.policy}
                aria-label={t('designer.state.join')}
                data-testid="designer-join"
                options={(['all', 'any', 'quorum'] as const).map((p) => ({ value: p, label: t(`designer.join.${p}`) }))}
                onChange={(policy) => set({ ...s, join: policy === 'quorum' ? { policy, count: 2 } : { policy } })}
              />
              {s.join.policy === 'quorum' && (
                <InputNumber
                  min={1}
                  precision={0}
                  addonAfter={t('designer.join.people')}
                  aria-label={t('designer.join.count')}
                  value={s.join.count}
                  onChange={(count) => set({ ...s, join: { policy: 'quorum', count: count ?? 1 } })}
                />
              )}
            </Space>
          </Form.Item>
          {mechanics(s.mechanics, s.kind, (m) => set({ ...s, mechanics: m }))}
        </>
      )}
      {s.kind === 'collect' && (
        <>
          <Form.Item label={t('designer.state.participants')}>
            <ActorRuleInput
              value={s.participants}
              onChange={(participants) => set({ ...s, participants })}
              testId="designer-participants"
            />
            <PartsRuleInput
              value={s.participants}
              onChange={(participants) => set({ ...s, participants })}
              steps={Object.entries(doc.states)
                .filter(([k, x]) => x.kind === 'collect' && k !== id)
                .map(([k, x]) => ({ value: k, label: `${localize(x.name)} (${k})` }))}
            />
          </Form.Item>
          <Form.Item label={t('designer.state.collectors')}>
            <ActorRuleList
              value={s.collectors ?? []}
              onChange={(collectors) => set({ ...s, collectors })}
              testId="designer-collectors"
            />
          </Form.Item>
          <Form.Item label={t('designer.state.partLabel')} tooltip={t('designer.state.partLabelHelp')}>
            <LocalizedInput
              label={t('designer.state.partLabel')}
              value={s.partLabel}
              onChange={(partLabel) =>
                set({ ...s, partLabel: partLabel['zh-CN'] || partLabel.en ? partLabel : undefined })
              }
              testId="designer-part-label"
              placeholder={{ 'zh-CN': '提交本单位填报', en: 'Submit my part' }}
            />
          </Form.Item>
          <Form.Item label={t('designer.state.onComplete')}>
            <Space>
              <Switch
                checked={!!s.onComplete}
                aria-label={t('designer.state.onComplete')}
                onChange={(on) => set(on ? { ...s, onComplete: { to: doc.initial } } : { ...s, onComplete: undefined })}
              />
              {s.onComplete && (
                <Select
                  style={{ width: 220 }}
                  value={s.onComplete.to}
                  aria-label={t('designer.state.onComplete')}
                  options={targets}
                  onChange={(to) => set({ ...s, onComplete: { to } })}
                />
              )}
            </Space>
          </Form.Item>
          {mechanics(s.mechanics, s.kind, (m) => set({ ...s, mechanics: m }))}
        </>
      )}
      {s.kind === 'notice' && (
        <Form.Item label={t('designer.state.duration')}>
          <InputNumber
            min={1}
            precision={0}
            addonAfter={t('designer.deadline.days')}
            aria-label={t('designer.state.duration')}
            value={s.duration.workdays}
            onChange={(v) => set({ ...s, duration: { workdays: v ?? 1 } })}
          />
        </Form.Item>
      )}
      {s.kind === 'auto' && (
        <Form.Item label={t('designer.state.otherwise')} help={t('designer.state.autoHelp')}>
          <Select
            value={s.otherwise}
            aria-label={t('designer.state.otherwise')}
            options={targets}
            onChange={(otherwise) => set({ ...s, otherwise })}
          />
        </Form.Item>
      )}
      {s.kind === 'final' && (
        <Form.Item label={t('designer.state.outcome')}>
          <Select
            value={s.outcome ?? 'closed'}
            aria-label={t('designer.state.outcome')}
            options={OUTCOMES.map((o) => ({ value: o, label: t(`outcome.${o}`, { defaultValue: o }) }))}
            onChange={(outcome) => set({ ...s, outcome })}
          />
        </Form.Item>
      )}
      {(s.kind === 'task' || s.kind === 'review' || s.kind === 'collect') && (
        <Form.Item label={t('designer.state.deadline')}>
          <DeadlineEditor value={s.deadline} onChange={(deadline) => set({ ...s, deadline })} />
        </Form.Item>
      )}
      {allowedAt(doc, { at: 'step', state: id }).length > 0 && (
        <Form.Item label={t('designer.blocks.onStep')} help={t('designer.blocks.onStepHelp')}>
          <BlockEditor
            doc={doc}
            site={{ at: 'step', state: id }}
            value={s.blocks ?? []}
            onChange={(blocks) => set({ ...s, blocks: blocks.length ? blocks : undefined })}
            testId="designer-step-blocks"
          />
        </Form.Item>
      )}
      {s.kind !== 'auto' && s.kind !== 'final' && (
        <>
          <Divider orientation="left" plain>
            {t('designer.form.title')}
          </Divider>
          <FormBuilder doc={doc} owner={id} form={s.form} onChange={(form) => set({ ...s, form })} />
        </>
      )}
      <Divider />
      <Space>
        {doc.initial !== id && s.kind !== 'final' && (
          <Button icon={<FlagOutlined />} onClick={() => onChange({ ...doc, initial: id })}>
            {t('designer.state.makeInitial')}
          </Button>
        )}
        <Button
          danger
          icon={<DeleteOutlined />}
          data-testid="designer-remove-state"
          onClick={() => {
            onChange(removeState(doc, id));
            onSelectState(null);
          }}
        >
          {t('designer.state.remove')}
        </Button>
      </Space>
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        {t('designer.state.connectHint')}
      </Typography.Paragraph>
    </Form>
  );
}
