import { Card, Descriptions, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocalize } from '../../../components/localized-text';
import { FieldValue } from '../../../components/field-value';
import { EmptyState } from '../../../components/empty-state';
import { fallbackField, isHidden } from './field-catalogue';
import type { FieldDef, InstanceView } from '../../../types/contract';

/** 表单数据: what the instance carries, labelled by the forms of its definition in the current language. */
export function InstanceData({ view, fields }: { view: InstanceView; fields: Map<string, FieldDef> }) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const names = [
    ...Array.from(fields.keys()).filter((n) => n in view.data),
    ...Object.keys(view.data).filter((n) => !fields.has(n)),
  ].filter((n) => !isHidden(view.form, n));
  const all = names.map((n) => fields.get(n) ?? fallbackField(n));
  const simple = all.filter((f) => f.type !== 'table');
  const tables = all.filter((f) => f.type === 'table');
  return (
    <Card title={t('instances.formData')} size="small" style={{ marginBottom: 16 }} data-testid="instance-data">
      {all.length === 0 && <EmptyState description={t('instances.noData')} />}
      {simple.length > 0 && (
        <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} styles={{ label: { width: 140 } }}>
          {simple.map((field) => (
            <Descriptions.Item key={field.name} label={localize(field.label)} span={field.type === 'textarea' ? 2 : 1}>
              <FieldValue field={field} value={view.data[field.name]} />
            </Descriptions.Item>
          ))}
        </Descriptions>
      )}
      {tables.map((field) => (
        <div key={field.name} style={{ marginTop: simple.length ? 16 : 0 }}>
          <Typography.Title level={5} style={{ fontSize: 14 }}>
            {localize(field.label)}
          </Typography.Title>
          <FieldValue field={field} value={view.data[field.name]} />
        </div>
      ))}
    </Card>
  );
}
