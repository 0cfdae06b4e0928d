import { DeleteOutlined } from '@ant-design/icons';
import { eventLabel, ROLES } from '@eduflow/workflows';
import { Alert, Button, Form, Input, Radio, Select, Space, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

import { useLocalize } from '../components/localized-text';
import { ActorRuleList } from './actor-rule-input';
import { BlockEditor } from './block-editor';
import { GuardEditor } from './guard-editor';
import { LocalizedInput } from './localized-input';
import {
  allFieldsOf,
  type Doc,
  type EdgeRef,
  hasOn,
  patchState,
  patchTransition,
  removeEdge,
  type TransitionIn,
} from './model';

type Props = {
  doc: Doc;
  edge: EdgeRef;
  errors: string[];
  onChange: (doc: Doc, selectEdge?: string) => void;
  onRemoved: () => void;
};

/** Edits one arrow: an event with its label, who may fire it, guards, required fields and comment. */
export function TransitionPanel({ doc, edge, errors, onChange, onRemoved }: Props) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const from = doc.states[edge.from];
  const targets = Object.entries(doc.states).map(([id, s]) => ({ value: id, label: `${localize(s.name)} (${id})` }));
  const fields = allFieldsOf(doc).map(({ field }) => ({
    value: field.name,
    label: `${localize(field.label)} (${field.name})`,
  }));
  const header = (
    <>
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {t('designer.transition.title')} · {localize(from?.name)} → {localize(doc.states[edge.to]?.name) || edge.to}
      </Typography.Title>
      {errors.map((e) => (
        <Alert key={e} type="error" showIcon message={e} style={{ marginBottom: 8 }} />
      ))}
    </>
  );
  const remove = (
    <Button
      danger
      icon={<DeleteOutlined />}
      onClick={() => {
        onChange(removeEdge(doc, edge));
        onRemoved();
      }}
      data-testid="designer-remove-transition"
    >
      {t('designer.transition.remove')}
    </Button>
  );
  if (!from) return null;

  if (from.kind === 'auto' && edge.path.startsWith('choices.')) {
    const i = Number(edge.path.split('.')[1]);
    const choice = from.choices[i];
    const set = (next: typeof choice) =>
      onChange(patchState(doc, edge.from, { ...from, choices: from.choices.map((c, j) => (j === i ? next : c)) }));
    return (
      <Form layout="vertical">
        {header}
        <Form.Item label={t('designer.transition.to')}>
          <Select
            value={choice.to}
            aria-label={t('designer.transition.to')}
            options={targets}
            onChange={(to) => set({ ...choice, to })}
          />
        </Form.Item>
        <Form.Item label={t('designer.transition.guards')}>
          <GuardEditor value={choice.guards} onChange={(guards) => set({ ...choice, guards })} />
        </Form.Item>
        {remove}
      </Form>
    );
  }
  if (!edge.path.startsWith('on.') || !hasOn(from)) {
    // The built-in exits: automatic choice's otherwise, the end of a notice, a completed collection.
    const setTo = (to: string) => {
      if (from.kind === 'auto') onChange(patchState(doc, edge.from, { ...from, otherwise: to }));
      else if (from.kind === 'notice') onChange(patchState(doc, edge.from, { ...from, onEnd: { to } }));
      else if (from.kind === 'collect') onChange(patchState(doc, edge.from, { ...from, onComplete: { to } }));
    };
    return (
      <Form layout="vertical">
        {header}
        <Typography.Paragraph type="secondary">
          {t(`designer.edges.help.${edge.path.split('.')[0]}`)}
        </Typography.Paragraph>
        <Form.Item label={t('designer.transition.to')}>
          <Select value={edge.to} aria-label={t('designer.transition.to')} options={targets} onChange={setTo} />
        </Form.Item>
        {edge.path === 'onComplete' && remove}
      </Form>
    );
  }

  const tr: TransitionIn = from.on?.[edge.event] ?? { to: edge.to };
  const set = (next: TransitionIn, event = edge.event) =>
    onChange(patchTransition(doc, edge.from, edge.event, event, next), `${edge.from}|on.${event}`);
  return (
    <Form layout="vertical" data-testid="designer-transition-panel">
      {header}
      <Form.Item label={t('designer.transition.event')} help={t('designer.transition.eventHelp')}>
        <Input
          value={edge.event}
          aria-label={t('designer.transition.event')}
          data-testid="designer-event-name"
          onChange={(e) => {
            const event = e.target.value.toUpperCase().replace(/[^A-Z0-9_]/g, '_');
            if (event && !from.on?.[event]) set(tr, event);
          }}
        />
      </Form.Item>
      <Form.Item label={t('designer.transition.label')}>
        <LocalizedInput
          label={t('designer.transition.label')}
          value={tr.label}
          placeholder={eventLabel(edge.event)}
          onChange={(label) => set({ ...tr, label: label['zh-CN'] || label.en ? label : undefined })}
          testId="designer-event-label"
        />
      </Form.Item>
      <Form.Item label={t('designer.transition.to')}>
        <Select
          value={tr.to}
          aria-label={t('designer.transition.to')}
          options={targets}
          onChange={(to) => set({ ...tr, to })}
        />
      </Form.Item>
      <Form.Item label={t('designer.transition.actors')} help={t('designer.transition.actorsHelp')}>
        <Switch
          checked={!!tr.actors}
          aria-label={t('designer.transition.actors')}
          onChange={(on) =>
            set(on ? { ...tr, actors: [{ role: 'bureauReviewer', scope: 'district' }] } : { ...tr, actors: undefined })
          }
          style={{ marginBottom: 8 }}
        />
        {tr.actors && <ActorRuleList value={tr.actors} onChange={(actors) => set({ ...tr, actors })} min={1} />}
      </Form.Item>
      <Form.Item label={t('designer.transition.guards')}>
        <GuardEditor
          value={tr.guards ?? []}
          onChange={(guards) => set({ ...tr, guards: guards.length ? guards : undefined })}
        />
      </Form.Item>
      <Form.Item label={t('designer.blocks.onAction')} help={t('designer.blocks.onActionHelp')}>
        <BlockEditor
          doc={doc}
          site={{ at: 'action', state: edge.from, event: edge.event }}
          value={tr.blocks ?? []}
          onChange={(blocks) => set({ ...tr, blocks: blocks.length ? blocks : undefined })}
          testId="designer-action-blocks"
        />
      </Form.Item>
      <Form.Item label={t('designer.transition.assigns')} help={t('designer.transition.assignsHelp')}>
        <Switch
          checked={!!tr.assigns}
          aria-label={t('designer.transition.assigns')}
          data-testid="designer-assigns"
          onChange={(on) =>
            set(
              on
                ? { ...tr, assigns: { role: 'expert', field: fields[0]?.value ?? '' } }
                : { ...tr, assigns: undefined },
            )
          }
          style={{ marginBottom: 8 }}
        />
        {tr.assigns && (
          <Space.Compact style={{ width: '100%' }}>
            <Select
              style={{ width: '45%' }}
              value={tr.assigns.role}
              aria-label={t('designer.actor.role')}
              options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
              onChange={(role) => tr.assigns && set({ ...tr, assigns: { ...tr.assigns, role } })}
              data-testid="designer-assigns-role"
            />
            <Select
              style={{ width: '55%' }}
              value={tr.assigns.field || undefined}
              aria-label={t('designer.transition.assignsField')}
              options={fields}
              onChange={(field: string) => tr.assigns && set({ ...tr, assigns: { ...tr.assigns, field } })}
              data-testid="designer-assigns-field"
            />
          </Space.Compact>
        )}
      </Form.Item>
      <Form.Item label={t('designer.transition.requires')}>
        <Select
          mode="multiple"
          value={tr.requires ?? []}
          aria-label={t('designer.transition.requires')}
          options={fields}
          onChange={(requires: string[]) => set({ ...tr, requires: requires.length ? requires : undefined })}
        />
      </Form.Item>
      <Form.Item label={t('designer.transition.asks')} help={t('designer.transition.asksHelp')}>
        <Select
          mode="multiple"
          value={tr.asks ?? []}
          aria-label={t('designer.transition.asks')}
          options={fields}
          data-testid="designer-asks"
          onChange={(asks: string[]) => set({ ...tr, asks: asks.length ? asks : undefined })}
        />
      </Form.Item>
      <Form.Item label={t('designer.transition.comment')}>
        <Radio.Group
          value={tr.comment ?? 'none'}
          onChange={(e) => set({ ...tr, comment: e.target.value === 'none' ? undefined : e.target.value })}
          options={(['none', 'optional', 'required'] as const).map((v) => ({
            value: v,
            label: t(`designer.transition.commentOptions.${v}`),
          }))}
        />
      </Form.Item>
      <Form.Item label={t('designer.transition.validate')} help={t('designer.transition.validateHelp')}>
        <Switch
          checked={tr.validate !== false}
          aria-label={t('designer.transition.validate')}
          onChange={(v) => set({ ...tr, validate: v ? undefined : false })}
        />
      </Form.Item>
      {remove}
    </Form>
  );
}
