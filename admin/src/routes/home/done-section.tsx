import { useQuery } from '@tanstack/react-query';
import { Button, Card, List, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

import { api, call } from '../../api/client';
import { DateText } from '../../components/date-text';
import { EmptyState } from '../../components/empty-state';
import { useLocalize } from '../../components/localized-text';
import { RowTitleLink, useRowOpen } from '../../components/row-link';
import { DoneFigures } from '../tasks/done-figures';

/** The latest things the user did (已办), each with the figures they gave (an expert's scores); all of them at /tasks/done. */
export function DoneSection({ title, testId }: { title: string; testId: string }) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const navigate = useNavigate();
  const rowOpen = useRowOpen();
  const done = useQuery({
    queryKey: ['home-done'],
    queryFn: () => call(api.GET('/api/tasks/done', { params: { query: { limit: 10 } } })),
    retry: false,
  });
  return (
    <Card
      size="small"
      data-testid={testId}
      title={title}
      extra={
        <Button type="link" size="small" onClick={() => navigate('/tasks/done')}>
          {t('doneTasks.title')}
        </Button>
      }
    >
      <List
        loading={done.isLoading}
        dataSource={done.data?.items ?? []}
        locale={{ emptyText: <EmptyState description={t('doneTasks.empty')} /> }}
        renderItem={(row) => (
          <List.Item {...rowOpen(`/instances/${row.instanceId}`)} data-testid="home-done">
            <List.Item.Meta
              title={
                <Space wrap size={6}>
                  <RowTitleLink to={`/instances/${row.instanceId}`}>{localize(row.title)}</RowTitleLink>
                  <Tag color="green" bordered={false}>
                    {localize(row.action)}
                  </Tag>
                </Space>
              }
              description={<DoneFigures figures={row.figures} />}
            />
            <DateText value={row.closedAt} />
          </List.Item>
        )}
      />
    </Card>
  );
}
