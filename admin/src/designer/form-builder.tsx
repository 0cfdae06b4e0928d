import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { FIELD_ACCESS } from '@eduflow/workflows';
import { Button, Collapse, Empty, Select, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

import { useLocalize } from '../components/localized-text';
import { FieldEditor } from './field-editor';
import { allFieldsOf, type Doc, type FieldIn, type FormIn } from './model';

type Props = { doc: Doc; owner: string | null; form: FormIn | undefined; onChange: (form: FormIn | undefined) => void };

/**
 * A step's form: its own fields, and how this step treats every other field of the workflow
 * (read-only / editable / hidden / required). Unlisted fields follow the engine's default.
 */
export function FormBuilder({ doc, owner, form, onChange }: Props) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const fields = form?.fields ?? [];
  const set = (next: FieldIn[]) => onChange({ ...form, fields: next });
  const others = allFieldsOf(doc).filter((f) => f.owner !== owner);
  const permissions = form?.permissions ?? {};
  const setPermission = (name: string, access: (typeof FIELD_ACCESS)[number] | undefined) => {
    const { [name]: _old, ...rest } = permissions;
    const next = access ? { ...rest, [name]: access } : rest;
    onChange({ ...form, fields, permissions: Object.keys(next).length ? next : undefined });
  };
  const accessOptions = FIELD_ACCESS.map((a) => ({ value: a, label: t(`designer.access.${a}`) }));
  return (
    <div data-testid="designer-form-builder">
      {fields.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('designer.form.empty')} />}
      {/* The remove button sits beside each field's panel, not in its header: a button inside the header's
          own button is out of reach of a screen reader (WCAG 4.1.2, axe nested-interactive). */}
      <Space direction="vertical" size={4} style={{ width: '100%' }}>
        {fields.map((f, i) => (
          <div key={i} style={{ display: 'flex', gap: 4, alignItems: 'flex-start' }}>
            <Collapse
              size="small"
              style={{ flex: 1, minWidth: 0 }}
              items={[
                {
                  key: String(i),
                  label: `${localize(f.label) || f.name} · ${t(`designer.fieldTypes.${f.type}`)}${f.required ? ' *' : ''}`,
                  children: (
                    <FieldEditor
                      field={f}
                      testId={`designer-field-${i}`}
                      onChange={(next) => set(fields.map((x, j) => (j === i ? next : x)))}
                    />
                  ),
                },
              ]}
            />
            <Button
              type="text"
              danger
              icon={<DeleteOutlined />}
              onClick={() => set(fields.filter((_, j) => j !== i))}
              aria-label={t('designer.form.removeField', { field: localize(f.label) || f.name })}
            />
          </div>
        ))}
      </Space>
      <Button
        style={{ marginTop: 8 }}
        icon={<PlusOutlined />}
        data-testid="designer-add-field"
        onClick={() => {
          const taken = new Set(allFieldsOf(doc).map((x) => x.field.name));
          let n = fields.length + 1;
          while (taken.has(`field${n}`)) n += 1;
          set([...fields, { name: `field${n}`, type: 'text', label: { 'zh-CN': `字段${n}`, en: `Field ${n}` } }]);
        }}
      >
        {t('designer.form.addField')}
      </Button>
      {owner !== null && others.length > 0 && (
        <>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('designer.form.permissions')}
          </Typography.Title>
          <Table
            size="small"
            rowKey={(r) => r.field.name}
            pagination={false}
            dataSource={others}
            columns={[
              { title: t('designer.field.label'), render: (_, r) => `${localize(r.field.label)} (${r.field.name})` },
              {
                title: t('designer.form.access'),
                width: 150,
                render: (_, r) => (
                  <Select
                    allowClear
                    size="small"
                    style={{ width: '100%' }}
                    placeholder={t('designer.access.default')}
                    aria-label={t('designer.form.accessOf', { field: localize(r.field.label) || r.field.name })}
                    value={permissions[r.field.name]}
                    options={accessOptions}
                    onChange={(v) => setPermission(r.field.name, v)}
                  />
                ),
              },
            ]}
          />
        </>
      )}
    </div>
  );
}
