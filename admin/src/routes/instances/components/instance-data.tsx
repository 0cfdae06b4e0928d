import { Card, Descriptions, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

import { EmptyState } from '../../../components/empty-state';
import { useFieldRefs } from '../../../components/field-refs';
import { FieldValue } from '../../../components/field-value';
import { useLocalize } from '../../../components/localized-text';
import { WhitelistItemText } from '../../../components/whitelist-item-select';
import type { FieldDef, InstanceView } from '../../../types/contract';
import { fallbackField, isHidden } from './field-catalogue';
import { refIdsOf, RefValue } from './ref-value';

/**
 * 表单数据: what the instance carries, labelled by the forms of its definition in the current language.
 * Ids (schools of a request, experts, the other side of a merge) show as names from the API's `refs`;
 * the people assigned by role (the inspector of a school) follow the fields, those the viewer may not
 * know yet (experts, during their review) only counted.
 */
export function InstanceData({ view, fields }: { view: InstanceView; fields: Map<string, FieldDef> }) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const names = [
    ...Array.from(fields.keys()).filter((n) => n in view.data),
    ...Object.keys(view.data).filter((n) => !fields.has(n)),
  ].filter((n) => !isHidden(view.form, n));
  // Findings fields are shown item by item with the ledger's deadlines and status (整改清单, findings-card.tsx).
  const all = names.map((n) => fields.get(n) ?? fallbackField(n)).filter((f) => f.type !== 'findings');
  const simple = all.filter((f) => f.type !== 'table');
  const tables = all.filter((f) => f.type === 'table');
  const refs = view.refs ?? {};
  const holds = useFieldRefs();
  // A role assigned from a field (评审专家 from `experts`) is already shown by that field.
  const shown = simple
    .map((f) => view.data[f.name])
    .filter(Array.isArray)
    .map((v) => [...(v as unknown[])].sort().join());
  const assignments = (view.assignments ?? []).filter(
    (a) => !!a.anonymous || !shown.includes([...a.userIds].sort().join()),
  );
  const value = (field: FieldDef) => {
    const ids = refIdsOf(view.data[field.name], view.refs);
    if (ids) return <RefValue ids={ids} refs={refs} />;
    // The form stores the whitelist item's code; people know it by its name.
    if (holds[field.name] === 'whitelistItem' && !field.options?.length)
      return <WhitelistItemText code={view.data[field.name]} />;
    return <FieldValue field={field} value={view.data[field.name]} />;
  };
  return (
    <Card title={t('instances.formData')} size="small" style={{ marginBottom: 16 }} data-testid="instance-data">
      {all.length === 0 && assignments.length === 0 && <EmptyState description={t('instances.noData')} />}
      {simple.length + assignments.length > 0 && (
        // The card sits in a half-width column: two label/value pairs per row only on very wide screens (antd
        // fills unset breakpoints with 3), else names of schools and titles wrap a character per line.
        <Descriptions
          bordered
          size="small"
          column={{ xs: 1, sm: 1, md: 1, lg: 1, xl: 1, xxl: 2 }}
          styles={{ label: { width: 140 } }}
        >
          {simple.map((field) => (
            <Descriptions.Item
              key={field.name}
              label={localize(field.label)}
              span={field.type === 'textarea' ? 'filled' : 1}
            >
              {value(field)}
            </Descriptions.Item>
          ))}
          {assignments.map((a) => (
            <Descriptions.Item key={`assigned-${a.role}`} label={t(`roles.${a.role}`)}>
              <Space size={4} wrap>
                {a.userIds.length > 0 && <RefValue ids={a.userIds} refs={refs} />}
                {/* A blind or sealed review: how many, not who. */}
                {!!a.anonymous && (
                  <Typography.Text type="secondary" data-testid="anonymous-assignees">
                    {t(a.userIds.length ? 'instanceRefs.anonymousMore' : 'instanceRefs.anonymousOnly', {
                      count: a.anonymous,
                    })}
                  </Typography.Text>
                )}
              </Space>
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
