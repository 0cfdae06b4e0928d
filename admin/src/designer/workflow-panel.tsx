import { Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';

import { ActorRuleList } from './actor-rule-input';
import { BlockEditor } from './block-editor';
import { FormBuilder } from './form-builder';
import { LocalizedInput } from './localized-input';
import type { Doc } from './model';

/** The workflow as a whole: names, key (fixed once saved), subject, who may start it and the start form. */
export function WorkflowPanel({
  doc,
  keyLocked,
  onChange,
}: {
  doc: Doc;
  keyLocked: boolean;
  onChange: (doc: Doc) => void;
}) {
  const { t } = useTranslation();
  return (
    <Form layout="vertical" data-testid="designer-workflow-panel">
      <Form.Item label={t('designer.workflow.name')}>
        <LocalizedInput
          label={t('designer.workflow.name')}
          value={doc.name}
          onChange={(name) => onChange({ ...doc, name })}
          testId="designer-workflow-name"
        />
      </Form.Item>
      <Form.Item label={t('designer.workflow.title')} help={t('designer.workflow.titleHelp')}>
        <LocalizedInput
          label={t('designer.workflow.title')}
          value={doc.title}
          placeholder={{ 'zh-CN': '{title}', en: '{title}' }}
          // Both halves empty: no title declared, the workflow's name stands in.
          onChange={(title) => onChange({ ...doc, title: title['zh-CN'] || title.en ? title : undefined })}
          testId="designer-workflow-title"
        />
      </Form.Item>
      <Form.Item
        label={t('designer.workflow.key')}
        help={keyLocked ? t('designer.workflow.keyLocked') : t('designer.workflow.keyHelp')}
      >
        <Input
          value={doc.key}
          disabled={keyLocked}
          data-testid="designer-workflow-key"
          aria-label={t('designer.workflow.key')}
          onChange={(e) => onChange({ ...doc, key: e.target.value.toLowerCase().replace(/[^a-z0-9-]/g, '-') })}
        />
      </Form.Item>
      <Form.Item label={t('designer.workflow.subject')}>
        <Select
          value={doc.subject}
          aria-label={t('designer.workflow.subject')}
          options={(['school', 'group', 'district'] as const).map((s) => ({
            value: s,
            label: t(`definitions.subjects.${s}`),
          }))}
          onChange={(subject) => onChange({ ...doc, subject })}
        />
      </Form.Item>
      <Form.Item label={t('designer.workflow.starters')}>
        <ActorRuleList
          value={doc.starters}
          onChange={(starters) => onChange({ ...doc, starters })}
          min={1}
          testId="designer-starters"
        />
      </Form.Item>
      <Form.Item label={t('designer.workflow.startForm')}>
        <FormBuilder
          doc={doc}
          owner={null}
          form={doc.startForm}
          onChange={(startForm) => onChange({ ...doc, startForm })}
        />
      </Form.Item>
      <Form.Item label={t('designer.blocks.onStart')} help={t('designer.blocks.onStartHelp')}>
        <BlockEditor
          doc={doc}
          site={{ at: 'start' }}
          value={doc.startBlocks ?? []}
          onChange={(blocks) => onChange({ ...doc, startBlocks: blocks.length ? blocks : undefined })}
          testId="designer-start-blocks"
        />
      </Form.Item>
    </Form>
  );
}
