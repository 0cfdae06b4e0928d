import { CreateButton, List } from '@refinedev/antd';
import { Table, Tag, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { toFilters, useKeysetTable } from '../../hooks/use-keyset-table';
import { useLocalize } from '../../components/localized-text';
import { DateText } from '../../components/date-text';
import { EmptyState } from '../../components/empty-state';
import { ErrorResult } from '../../components/error-result';
import { StatusTag } from '../../components/status-tag';
import { InstanceFilters, type InstanceFilterValues } from './instance-filters';
import { districtDayBounds } from '../../config/time';
import type { InstanceRow } from '../../types/contract';

function toQuery({ range, ...rest }: InstanceFilterValues): Record<string, unknown> {
  return {
    ...rest,
    from: districtDayBounds(range?.[0]).start,
    to: districtDayBounds(range?.[1]).end,
  };
}

/** 流程实例: every instance the user may read, filtered on the server. */
export function InstanceList() {
  const { t } = useTranslation();
  const localize = useLocalize();
  const navigate = useNavigate();
  const { tableProps, tableQuery, pager, searchFormProps } = useKeysetTable<InstanceRow, InstanceFilterValues>({
    resource: 'instances',
    filters: { defaultBehavior: 'replace' },
    onSearch: (values) => toFilters(toQuery(values)),
  });
  return (
    <List title={t('instances.title')} breadcrumb={false} headerButtons={<CreateButton>{t('instances.create')}</CreateButton>}>
      <InstanceFilters formProps={searchFormProps} />
      {tableQuery.isError ? (
        <ErrorResult error={tableQuery.error} onRetry={() => void tableQuery.refetch()} />
      ) : (
        <Table<InstanceRow>
          {...tableProps}
          rowKey="id"
          onRow={(row) => ({ onClick: () => navigate(`/instances/${row.id}`), style: { cursor: 'pointer' } })}
          locale={{ emptyText: <EmptyState description={t('instances.empty')} /> }}
          columns={[
            { key: 'workflow', title: t('fields.workflow'), render: (_, r) => <Typography.Link>{localize(r.definitionName)}</Typography.Link> },
            { key: 'subject', title: t('fields.subject'), dataIndex: 'subjectName' },
            { key: 'state', title: t('fields.state'), render: (_, r) => <Tag color={r.status === 'running' ? 'blue' : 'default'}>{localize(r.stateName)}</Tag> },
            { key: 'status', title: t('fields.status'), render: (_, r) => <StatusTag status={r.status} outcome={r.outcome} /> },
            { key: 'created', title: t('fields.createdAt'), render: (_, r) => <DateText value={r.createdAt} /> },
            { key: 'updated', title: t('fields.updatedAt'), render: (_, r) => <DateText value={r.updatedAt} /> },
          ]}
        />
      )}
      {pager}
    </List>
  );
}
