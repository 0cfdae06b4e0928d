import { List } from '@refinedev/antd';
import { Descriptions, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

import { DateText } from '../../components/date-text';
import { EmptyState } from '../../components/empty-state';
import { ErrorResult } from '../../components/error-result';
import { ExportButton } from '../../components/export-button';
import { districtDayBounds } from '../../config/time';
import { toFilters, useKeysetTable } from '../../hooks/use-keyset-table';
import { auditActionLabel } from '../../lib/audit-action-label';
import { filtersToQuery } from '../../providers/data-provider';
import type { AuditEvent } from '../../types/contract';
import { ArchiveAction } from './archive-modal';
import { AuditFilters, type AuditFilterValues } from './audit-filters';
import { ChainBanner } from './chain-banner';

const OUTCOME_COLORS: Record<string, string> = { success: 'success', denied: 'error', failed: 'warning' };

function Json({ value }: { value: unknown }) {
  const { t } = useTranslation();
  if (value === null || value === undefined)
    return <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  return (
    <pre style={{ margin: 0, maxHeight: 240, overflow: 'auto', fontSize: 12 }}>{JSON.stringify(value, null, 2)}</pre>
  );
}

/** 审计日志: the append-only, hash-chained record of every action (auditors only). */
export function AuditList() {
  const { t } = useTranslation();
  const { tableProps, tableQuery, pager, searchFormProps, filters } = useKeysetTable<AuditEvent, AuditFilterValues>({
    resource: 'audit',
    pageSize: 50,
    filters: { defaultBehavior: 'replace' },
    onSearch: ({ range, ...rest }) => {
      return toFilters({ ...rest, from: districtDayBounds(range?.[0]).start, to: districtDayBounds(range?.[1]).end });
    },
  });
  return (
    <List
      title={t('audit.title')}
      breadcrumb={false}
      headerButtons={
        <Space>
          {/* Archived events leave the list. */}
          <ArchiveAction onArchived={() => void tableQuery.refetch()} />
          <ExportButton list="audit" query={filtersToQuery(filters)} fileName={t('audit.title')} />
        </Space>
      }
    >
      <ChainBanner />
      <AuditFilters formProps={searchFormProps} />
      {tableQuery.isError ? (
        <ErrorResult error={tableQuery.error} onRetry={() => void tableQuery.refetch()} />
      ) : (
        <Table<AuditEvent>
          {...tableProps}
          rowKey="id"
          size="middle"
          data-testid="audit-table"
          locale={{ emptyText: <EmptyState description={t('audit.empty')} /> }}
          expandable={{
            expandedRowRender: (e) => (
              <Descriptions size="small" bordered column={1}>
                <Descriptions.Item label={t('audit.meta')}>
                  <Json value={e.meta} />
                </Descriptions.Item>
                <Descriptions.Item label={t('audit.before')}>
                  <Json value={e.before} />
                </Descriptions.Item>
                <Descriptions.Item label={t('audit.after')}>
                  <Json value={e.after} />
                </Descriptions.Item>
                <Descriptions.Item label={t('audit.hash')}>
                  <Typography.Text code copyable>
                    {e.hash}
                  </Typography.Text>
                </Descriptions.Item>
                <Descriptions.Item label={t('audit.prevHash')}>
                  <Typography.Text code>{e.prevHash}</Typography.Text>
                </Descriptions.Item>
              </Descriptions>
            ),
          }}
          columns={[
            { key: 'seq', title: t('audit.seq'), dataIndex: 'seq', width: 80 },
            {
              key: 'at',
              title: t('audit.when'),
              width: 170,
              render: (_, e) => <DateText value={e.at} format="YYYY-MM-DD HH:mm:ss" />,
            },
            { key: 'actor', title: t('audit.actor'), render: (_, e) => e.actorName ?? t('audit.system') },
            {
              key: 'action',
              title: t('audit.action'),
              render: (_, e) => <span title={e.action}>{auditActionLabel(t, e.action)}</span>,
            },
            {
              key: 'entity',
              title: t('audit.entity'),
              render: (_, e) => (
                <span>
                  {t(`audit.entities.${e.entityType}`, { defaultValue: e.entityType })}
                  {e.entityId ? <Typography.Text type="secondary"> · {e.entityId}</Typography.Text> : null}
                </span>
              ),
            },
            {
              key: 'outcome',
              title: t('audit.outcome'),
              width: 100,
              render: (_, e) => <Tag color={OUTCOME_COLORS[e.outcome]}>{t(`audit.outcomes.${e.outcome}`)}</Tag>,
            },
          ]}
        />
      )}
      {pager}
    </List>
  );
}
