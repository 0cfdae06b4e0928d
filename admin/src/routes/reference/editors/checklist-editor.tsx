import { Card, Form, Input, Select, Tag } from 'antd';
import { useTranslation } from 'react-i18next';

import { formLimits } from '../../../api/schema.gen';
import { type RowColumn, RowsTable } from './editable-rows';

/** The six classic layers of 等级保护, in the order inspectors walk them (the API's `LAYERS`). */
export const LAYERS = ['物理安全', '网络安全', '主机安全', '应用安全', '数据安全', '安全管理'] as const;

/**
 * A security checklist edited layer by layer. The document keeps one flat `items` list (paths like
 * `content.items.7.title`), so each layer's table shows only its rows of that list; choosing another
 * layer for a row moves it to that layer's table.
 */
/** The kind's own bounds (generated from the zod schema a new version is validated with). */
const LIMITS = formLimits['ReferenceData.checklist'];

export function ChecklistEditor() {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  // Only the layers decide which table a row sits in; watching them alone keeps typing in a cell cheap.
  const layers = (Form.useWatch(
    (v: { content?: { items?: Array<{ layer?: string } | undefined> } }) =>
      (v?.content?.items ?? []).map((i) => i?.layer),
    form,
  ) ?? []) as Array<string | undefined>;
  const layerOf = (i: number) => layers[i];
  const required = { required: true, message: t('refedit.required') };
  const columns: RowColumn[] = [
    {
      key: 'code',
      title: t('refedit.cols.code'),
      path: ['code'],
      required: true,
      width: 100,
      input: <Input maxLength={LIMITS['content.items[].code'].maxLength} />,
    },
    {
      key: 'title',
      title: t('refedit.checklist.title'),
      path: ['title'],
      required: true,
      width: 260,
      input: <Input maxLength={LIMITS['content.items[].title'].maxLength} />,
    },
    {
      key: 'guidance',
      title: t('refedit.checklist.guidance'),
      path: ['guidance'],
      width: 260,
      input: <Input.TextArea maxLength={LIMITS['content.items[].guidance'].maxLength} autoSize={{ maxRows: 3 }} />,
    },
    {
      key: 'evidence',
      title: t('refedit.checklist.evidence'),
      path: ['evidence'],
      width: 200,
      input: <Input maxLength={LIMITS['content.items[].evidence'].maxLength} />,
    },
    {
      key: 'layer',
      title: t('refedit.checklist.layer'),
      path: ['layer'],
      width: 120,
      rules: [required],
      input: <Select options={LAYERS.map((l) => ({ value: l, label: t(`refedit.layers.${l}`) }))} />,
    },
  ];
  return (
    <>
      <Form.Item
        name={['content', 'key']}
        label={t('refedit.checklist.key')}
        tooltip={t('refedit.checklist.keyHint')}
        rules={[required]}
        style={{ maxWidth: 360 }}
      >
        <Input maxLength={LIMITS['content.key'].maxLength} />
      </Form.Item>
      <Form.List name={['content', 'items']}>
        {(fields, ops, { errors }) => (
          <>
            <Form.ErrorList errors={errors} />
            {LAYERS.map((layer) => {
              const rows = fields.filter((f) => layerOf(f.name) === layer);
              return (
                <Card
                  key={layer}
                  size="small"
                  style={{ marginBottom: 12 }}
                  data-testid={`refedit-layer-${layer}`}
                  title={
                    <>
                      {t(`refedit.layers.${layer}`)} <Tag>{rows.length}</Tag>
                    </>
                  }
                >
                  <RowsTable
                    fields={rows}
                    all={fields.length}
                    ops={ops}
                    minRows={1}
                    testId={`refedit-checklist-${layer}`}
                    addLabel={t('refedit.checklist.add', { layer: t(`refedit.layers.${layer}`) })}
                    newRow={() => ({ code: '', layer, title: '', guidance: '', evidence: '' })}
                    columns={columns}
                  />
                </Card>
              );
            })}
          </>
        )}
      </Form.List>
    </>
  );
}
