import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

import { DateText } from '../../components/date-text';
import { EmptyState } from '../../components/empty-state';
import { ErrorResult } from '../../components/error-result';
import { InstanceName } from '../../components/instance-name';
import { useLocalize } from '../../components/localized-text';
import { ResponsiveTable } from '../../components/responsive-table/responsive-table';
import { useKeysetTable } from '../../hooks/use-keyset-table';
import type { DoneTaskRow } from '../../types/contract';
import { DoneFigures } from './done-figures';

/** 已办: what the user closed, newest first — what they did, and for a part they gave its figures (an expert's scores). */
export function DoneTaskTable() {
  const { t } = useTranslation();
  const localize = useLocalize();
  const { tableProps, tableQuery, pager } = useKeysetTable<DoneTaskRow>({
    resource: 'tasks',
    meta: { path: '/tasks/done' },
    // The inbox owns the URL's paging and sorting; this list always reads newest first.
    syncWithLocation: false,
  });
  if (tableQuery.isError) return <ErrorResult error={tableQuery.error} onRetry={() => void tableQuery.refetch()} />;
  return (
    <>
      <ResponsiveTable<DoneTaskRow>
        {...tableProps}
        rowKey="id"
        data-testid="done-task-table"
        scroll={{ x: 'max-content' }}
        rowHref={(row) => `/instances/${row.instanceId}`}
        locale={{ emptyText: <EmptyState description={t('doneTasks.empty')} /> }}
        columns={[
          {
            key: 'title',
            title: t('titles.name'),
            card: 'title',
            render: (_, r) => (
              <InstanceName title={r.title} workflow={r.definitionName} to={`/instances/${r.instanceId}`} />
            ),
          },
          { key: 'state', title: t('doneTasks.step'), render: (_, r) => <Tag>{localize(r.stateName)}</Tag> },
          { key: 'requester', title: t('titles.requester'), dataIndex: 'requesterName' },
          {
            key: 'action',
            title: t('doneTasks.action'),
            render: (_, r) => <Tag color="green">{localize(r.action)}</Tag>,
          },
          {
            key: 'figures',
            title: t('doneTasks.figures'),
            render: (_, r) => (r.figures.length ? <DoneFigures figures={r.figures} /> : null),
          },
          {
            key: 'closedAt',
            title: t('doneTasks.closedAt'),
            render: (_, r) => <DateText value={r.closedAt} />,
          },
        ]}
      />
      {pager}
    </>
  );
}
