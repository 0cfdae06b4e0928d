import { Badge, Card, List, Space, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import { DateText } from '../../components/date-text';
import { EmptyState } from '../../components/empty-state';
import { useLocalize } from '../../components/localized-text';
import { RowTitleLink, useRowOpen } from '../../components/row-link';
import type { TaskRow } from '../../types/contract';
import { taskHref } from '../tasks/task-href';

/** A titled list of tasks with their deadlines; overdue ones first and in red. A row opens the instance. */
export function TaskSection({
  title,
  tasks,
  empty,
  testId,
  loading,
  extra,
}: {
  title: ReactNode;
  tasks: TaskRow[];
  empty: string;
  testId: string;
  loading?: boolean;
  extra?: ReactNode;
}) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const rowOpen = useRowOpen();
  const sorted = [...tasks].sort(
    (a, b) => Number(b.overdue) - Number(a.overdue) || (a.dueAt ?? '9').localeCompare(b.dueAt ?? '9'),
  );
  return (
    <Card
      size="small"
      data-testid={testId}
      title={
        <Space>
          {title}
          <Badge count={tasks.length} showZero color={tasks.some((x) => x.overdue) ? 'red' : 'blue'} />
        </Space>
      }
      extra={extra}
      style={{ height: '100%' }}
    >
      <List
        loading={loading}
        dataSource={sorted}
        locale={{ emptyText: <EmptyState description={empty} /> }}
        renderItem={(task) => (
          <List.Item {...rowOpen(taskHref(task))} data-testid="home-task">
            <List.Item.Meta
              title={
                <Space wrap size={6}>
                  <RowTitleLink to={taskHref(task)}>{localize(task.title)}</RowTitleLink>
                  <Tag color="blue" bordered={false}>
                    {localize(task.stateName)}
                  </Tag>
                </Space>
              }
              description={
                <>
                  <Typography.Text>{task.requesterName}</Typography.Text> · {localize(task.definitionName)}
                </>
              }
            />
            <div style={{ textAlign: 'right' }}>
              <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
                {t('fields.dueAt')}
              </Typography.Text>
              <DateText value={task.dueAt} overdue={task.overdue} />
            </div>
          </List.Item>
        )}
      />
    </Card>
  );
}
