import { AppstoreAddOutlined, BellOutlined } from '@ant-design/icons';
import { CreateButton, getDefaultSortOrder, List } from '@refinedev/antd';
import { App, Button, Space, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { DateText } from '../../components/date-text';
import { DueText } from '../../components/due-text';
import { EmptyState } from '../../components/empty-state';
import { ErrorResult } from '../../components/error-result';
import { ExportButton } from '../../components/export-button';
import { InstanceName } from '../../components/instance-name';
import { useLocalize } from '../../components/localized-text';
import { ResponsiveTable } from '../../components/responsive-table/responsive-table';
import { StatusTag } from '../../components/status-tag';
import { districtDayBounds } from '../../config/time';
import { toFilters, useKeysetTable } from '../../hooks/use-keyset-table';
import { filtersToQuery, sortersToQuery } from '../../providers/data-provider';
import { isApiError } from '../../providers/http';
import { cachedSession } from '../../providers/session';
import type { InstanceRow } from '../../types/contract';
import { chaseInstances } from './bulk-chase';
import { BulkStartModal } from './bulk-start-modal';
import { InstanceFilters, type InstanceFilterValues } from './instance-filters';

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
  const { message } = App.useApp();
  const bureau =
    cachedSession()?.me.roles.some((r) => r.role === 'bureauAdmin' || r.role === 'bureauReviewer') ?? false;
  const [selected, setSelected] = useState<string[]>([]);
  // 批量发起 is mounted only while open or closing: closed, it fetched every organisation and the published
  // workflows on each visit of the list, for a dialog most visits never open.
  const [bulk, setBulk] = useState<'closed' | 'open' | 'closing'>('closed');
  const [chasing, setChasing] = useState<number | null>(null);
  const chase = async () => {
    setChasing(0);
    try {
      const r = await chaseInstances(selected, setChasing);
      void (r.failed.length ? message.warning : message.success)(
        t('bulk.chaseResult', { done: r.done, failed: r.failed.length, tasks: r.tasks }),
      );
      setSelected([]);
    } catch (e) {
      void message.error(
        isApiError(e) && e.status === 404
          ? t('bulk.unavailable')
          : isApiError(e) && e.localized
            ? localize(e.localized)
            : t('errors.generic'),
      );
    } finally {
      setChasing(null);
    }
  };
  const { tableProps, tableQuery, pager, searchFormProps, filters, sorters } = useKeysetTable<
    InstanceRow,
    InstanceFilterValues
  >({
    resource: 'instances',
    filters: { defaultBehavior: 'replace' },
    // The API's own default, shown on the column so the user sees what the rows are ordered by.
    sorters: { initial: [{ field: 'updatedAt', order: 'desc' }] },
    onSearch: (values) => toFilters(toQuery(values)),
  });
  return (
    <List
      title={t('instances.title')}
      breadcrumb={false}
      headerButtons={
        <Space wrap>
          {bureau && selected.length > 0 && (
            <Button
              icon={<BellOutlined />}
              loading={chasing !== null}
              onClick={() => void chase()}
              data-testid="bulk-chase"
            >
              {chasing !== null
                ? t('bulk.chasing', { done: chasing, total: selected.length })
                : t('bulk.chase', { count: selected.length })}
            </Button>
          )}
          {bureau && (
            <Button icon={<AppstoreAddOutlined />} onClick={() => setBulk('open')} data-testid="bulk-start">
              {t('bulk.startTitle')}
            </Button>
          )}
          <ExportButton
            list="instances"
            query={{ ...filtersToQuery(filters), ...sortersToQuery(sorters) }}
            fileName={t('instances.title')}
          />
          <CreateButton>{t('instances.create')}</CreateButton>
        </Space>
      }
    >
      <InstanceFilters formProps={searchFormProps} />
      {tableQuery.isError ? (
        <ErrorResult error={tableQuery.error} onRetry={() => void tableQuery.refetch()} />
      ) : (
        <ResponsiveTable<InstanceRow>
          {...tableProps}
          rowKey="id"
          data-testid="instance-table"
          rowSelection={
            bureau
              ? {
                  selectedRowKeys: selected,
                  onChange: (keys) => setSelected(keys.map(String)),
                  getCheckboxProps: (r) => ({ disabled: r.status !== 'running' }),
                }
              : undefined
          }
          rowHref={(row) => `/instances/${row.id}`}
          locale={{ emptyText: <EmptyState description={t('instances.empty')} /> }}
          columns={[
            {
              key: 'title',
              title: t('titles.name'),
              card: 'title',
              render: (_, r) => <InstanceName title={r.title} workflow={r.definitionName} to={`/instances/${r.id}`} />,
            },
            { key: 'requester', title: t('titles.requester'), dataIndex: 'requesterName' },
            // Sortable only where the API sorts (GET /instances?sort=): state, dueAt, createdAt, updatedAt.
            {
              key: 'state',
              dataIndex: 'state',
              sorter: true,
              sortOrder: getDefaultSortOrder('state', sorters),
              title: t('fields.state'),
              render: (_, r) => <Tag color={r.status === 'running' ? 'blue' : 'default'}>{localize(r.stateName)}</Tag>,
            },
            {
              key: 'status',
              title: t('fields.status'),
              render: (_, r) => <StatusTag status={r.status} outcome={r.outcome} />,
            },
            {
              key: 'dueAt',
              dataIndex: 'dueAt',
              sorter: true,
              sortOrder: getDefaultSortOrder('dueAt', sorters),
              title: t('sorting.dueAt'),
              render: (_, r) => <DueText dueAt={r.dueAt} dueKind={r.dueKind} overdue={r.overdue} />,
            },
            {
              key: 'createdAt',
              dataIndex: 'createdAt',
              // A card keeps the last change only: one date fewer on a phone.
              card: 'hide',
              sorter: true,
              sortOrder: getDefaultSortOrder('createdAt', sorters),
              title: t('fields.createdAt'),
              render: (_, r) => <DateText value={r.createdAt} />,
            },
            {
              key: 'updatedAt',
              dataIndex: 'updatedAt',
              sorter: true,
              sortOrder: getDefaultSortOrder('updatedAt', sorters),
              title: t('fields.updatedAt'),
              render: (_, r) => <DateText value={r.updatedAt} />,
            },
          ]}
        />
      )}
      {pager}
      {bulk !== 'closed' && (
        <BulkStartModal
          open={bulk === 'open'}
          onClose={() => setBulk('closing')}
          afterClose={() => setBulk('closed')}
          onDone={() => void tableQuery.refetch()}
        />
      )}
    </List>
  );
}
