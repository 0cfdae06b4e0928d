import { getDefaultSortOrder, List } from '@refinedev/antd';
import { Tabs, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useSearchParams } from 'react-router';

import { DateText } from '../../components/date-text';
import { EmptyState } from '../../components/empty-state';
import { ErrorResult } from '../../components/error-result';
import { ExportButton } from '../../components/export-button';
import { InstanceName } from '../../components/instance-name';
import { useLocalize } from '../../components/localized-text';
import { ResponsiveTable } from '../../components/responsive-table/responsive-table';
import { useKeysetTable } from '../../hooks/use-keyset-table';
import type { TaskRow } from '../../types/contract';
import { NoticeSection } from '../home/notice-section';
import { BurdenResolveModal } from './burden-resolve-modal';
import { DoneTaskTable } from './done-task-table';
import { taskHref } from './task-href';

const PURPOSE_COLORS: Record<string, string> = { act: 'blue', review: 'purple', escalation: 'red' };

/** 我的待办 (待办 / 已办 tabs): what waits on the user, or (at /tasks/done) what they have done. */
export function TaskList() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const done = useLocation().pathname.endsWith('/done');
  return (
    <List
      title={t('tasks.title')}
      breadcrumb={false}
      headerButtons={done ? [] : <ExportButton list="tasks" fileName={t('tasks.title')} />}
    >
      <Tabs
        activeKey={done ? 'done' : 'todo'}
        onChange={(key) => navigate(key === 'done' ? '/tasks/done' : '/tasks')}
        items={[
          { key: 'todo', label: t('doneTasks.todo') },
          { key: 'done', label: <span data-testid="tab-done">{t('doneTasks.done')}</span> },
        ]}
      />
      {done ? <DoneTaskTable /> : <Inbox />}
    </List>
  );
}

/** The tasks the signed-in user can act on, and above them the 公示 running now; a click opens the instance. */
function Inbox() {
  const { t } = useTranslation();
  const localize = useLocalize();
  // ?burden=<report id> opens the 负担码 dialog over the inbox (from a row here or from the home page).
  const [search, setSearch] = useSearchParams();
  const burden = search.get('burden');
  const { tableProps, tableQuery, pager, sorters } = useKeysetTable<TaskRow>({
    resource: 'tasks',
    sorters: { initial: [{ field: 'dueAt', order: 'asc' }] },
  });
  if (tableQuery.isError) return <ErrorResult error={tableQuery.error} onRetry={() => void tableQuery.refetch()} />;
  return (
    <>
      <Typography.Paragraph type="secondary">{t('tasks.hint')}</Typography.Paragraph>
      {/* Not tasks: the notices running now beside the to-dos, so their end dates are on the desk too. */}
      <NoticeSection />
      <ResponsiveTable<TaskRow>
        {...tableProps}
        rowKey="id"
        data-testid="task-table"
        rowHref={taskHref}
        locale={{ emptyText: <EmptyState description={t('tasks.empty')} /> }}
        columns={[
          {
            key: 'title',
            title: t('titles.name'),
            card: 'title',
            render: (_, r) => <InstanceName title={r.title} workflow={r.definitionName} to={taskHref(r)} />,
          },
          { key: 'state', title: t('fields.state'), render: (_, r) => <Tag color="blue">{localize(r.stateName)}</Tag> },
          { key: 'requester', title: t('titles.requester'), dataIndex: 'requesterName' },
          {
            key: 'purpose',
            title: t('fields.purpose'),
            render: (_, r) => (
              <Tag color={PURPOSE_COLORS[r.purpose] ?? 'default'}>
                {t(`tasks.purpose.${r.purpose}`, { defaultValue: r.purpose })}
              </Tag>
            ),
          },
          // Sortable where GET /tasks?sort= is: deadline (undated last either way) and received time.
          {
            key: 'dueAt',
            dataIndex: 'dueAt',
            sorter: true,
            sortOrder: getDefaultSortOrder('dueAt', sorters),
            title: t('fields.dueAt'),
            render: (_, r) => <DateText value={r.dueAt} overdue={r.overdue} />,
          },
          {
            key: 'createdAt',
            dataIndex: 'createdAt',
            sorter: true,
            sortOrder: getDefaultSortOrder('createdAt', sorters),
            title: t('fields.receivedAt'),
            render: (_, r) => <DateText value={r.createdAt} />,
          },
        ]}
      />
      {pager}
      <BurdenResolveModal
        reportId={burden}
        onClose={() => {
          search.delete('burden');
          setSearch(search);
        }}
      />
    </>
  );
}
