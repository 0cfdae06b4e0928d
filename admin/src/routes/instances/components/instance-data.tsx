import { Card, Descriptions } from 'antd';
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
  return (
    <Card title={t('instances.formData')} size="small" style={{ marginBottom: 16 }} data-testid="instance-data">
      {names.length === 0 ? (
        <EmptyState description={t('instances.noData')} />
      ) : (
        <Descriptions bordered size="small" column={{ xs: 1, md: 2 }}>
          {names.map((name) => {
            const field = fields.get(name) ?? fallbackField(name);
            const wide = field.type === 'table' || field.type === 'textarea';
            return (
              <Descriptions.Item key={name} label={localize(field.label)} span={wide ? 2 : 1}>
                <FieldValue field={field} value={view.data[name]} />
              </Descriptions.Item>
            );
          })}
        </Descriptions>
      )}
    </Card>
  );
}
