import { Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

import type { FieldDef } from '../types/contract';
import { formatDateTime } from './date-text';
import { useLocalize } from './localized-text';

/** Read-only rendering of a form value according to its field type. */
export function FieldValue({ field, value }: { field: FieldDef; value: unknown }) {
  const { t } = useTranslation();
  const localize = useLocalize();
  if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)) {
    return <Typography.Text type="secondary">{t('common.notFilled')}</Typography.Text>;
  }
  const optionLabel = (v: unknown) => {
    const opt = field.options?.find((o) => o.value === v);
    return opt ? localize(opt.label) : String(v);
  };
  switch (field.type) {
    case 'boolean':
      return <>{value === true ? t('common.yes') : t('common.no')}</>;
    case 'date':
      return (
        <>{typeof value === 'string' && value.length > 10 ? formatDateTime(value, 'YYYY-MM-DD') : String(value)}</>
      );
    case 'select':
      return <>{optionLabel(value)}</>;
    case 'multiselect':
      return (
        <Space size={4} wrap>
          {(Array.isArray(value) ? value : [value]).map((v) => (
            <Tag key={String(v)}>{optionLabel(v)}</Tag>
          ))}
        </Space>
      );
    case 'table': {
      const rows = Array.isArray(value) ? (value as Array<Record<string, unknown>>) : [];
      return (
        <Table
          size="small"
          bordered
          scroll={{ x: 'max-content' }}
          pagination={false}
          rowKey={(_r, i) => String(i)}
          dataSource={rows}
          columns={(field.columns ?? []).map((c) => ({
            key: c.name,
            dataIndex: c.name,
            title: localize(c.label),
            render: (v: unknown) => {
              const option = c.options?.find((o) => o.value === v);
              // Scores computed in floating point (7.800000000000001) read as people wrote them.
              if (typeof v === 'number') return String(Math.round(v * 100) / 100);
              return option ? localize(option.label) : v === undefined || v === null ? '' : String(v);
            },
          }))}
        />
      );
    }
    case 'findings': {
      // Item by item: the code, then what this step wrote (severity and time, a note, a verdict).
      const rows = Array.isArray(value) ? (value as Array<Record<string, unknown>>) : [];
      const cfg = field.findings;
      const severity = (v: unknown) =>
        cfg?.mode === 'raise' ? localize(cfg.severities.find((s) => s.value === v)?.label) || String(v) : String(v);
      return (
        <Space direction="vertical" size={2}>
          {rows.map((r) => (
            <Typography.Text key={String(r.code)}>
              <Tag>{String(r.code)}</Tag>
              {[
                r.severity !== undefined ? severity(r.severity) : '',
                typeof r.workdays === 'number' ? t('findingItems.workdaysValue', { days: r.workdays }) : '',
                r.offline === true ? t('findings.offline') : '',
                typeof r.noticeNo === 'string' ? r.noticeNo : '',
                r.verdict === 'accepted'
                  ? t('findingItems.accept')
                  : r.verdict === 'returned'
                    ? t('findingItems.return')
                    : '',
                typeof r.note === 'string' ? r.note : '',
              ]
                .filter(Boolean)
                .join(' · ')}
            </Typography.Text>
          ))}
        </Space>
      );
    }
    case 'textarea':
      return (
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{String(value)}</Typography.Paragraph>
      );
    default:
      return <>{typeof value === 'object' ? JSON.stringify(value) : String(value)}</>;
  }
}
