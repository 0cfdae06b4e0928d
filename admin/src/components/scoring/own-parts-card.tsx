import { Alert, Card, Descriptions, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

import type { FieldDef, InstanceView } from '../../types/contract';
import { formatDateTime } from '../date-text';
import { FieldValue } from '../field-value';
import { useLocalize } from '../localized-text';

/**
 * 我的评分: what the viewer submitted at each collect step (an expert's scores by criterion and the total),
 * labelled by the step's form. The API sends the viewer's own parts only, so nothing of anyone else's shows.
 */
export function OwnPartsCard({ view, fields }: { view: InstanceView; fields: Map<string, FieldDef> }) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const parts = (view.ownParts ?? []).filter((p) => Object.keys(p.data).length > 0);
  if (parts.length === 0) return null;
  return (
    <>
      {parts.map((p) => (
        <Card
          key={p.step}
          size="small"
          style={{ marginBottom: 16 }}
          data-testid="own-part"
          title={
            <Space wrap size={8}>
              <span>{t('scoring.ownPart', { step: localize(p.stepName) })}</span>
              <Typography.Text type="secondary" style={{ fontWeight: 'normal', fontSize: 13 }}>
                {t('scoring.submittedAt', { at: formatDateTime(p.submittedAt) })}
              </Typography.Text>
            </Space>
          }
        >
          {p.status === 'returned' && (
            <Alert type="warning" showIcon message={t('scoring.ownPartReturned')} style={{ marginBottom: 12 }} />
          )}
          <Descriptions bordered size="small" column={1} styles={{ label: { width: 160 } }}>
            {Object.entries(p.data).map(([name, value]) => {
              const field = fields.get(name);
              if (!field) return null;
              return (
                <Descriptions.Item key={name} label={localize(field.label)}>
                  <span data-testid={`own-part-${name}`}>
                    <FieldValue field={field} value={value} />
                  </span>
                </Descriptions.Item>
              );
            })}
          </Descriptions>
        </Card>
      ))}
    </>
  );
}
