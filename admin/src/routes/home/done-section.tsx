import { useQuery } from '@tanstack/react-query';
import { Button, Card, List, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

import { api, call } from '../../api/client';
import { DateText } from '../../components/date-text';
import { EmptyState } from '../../components/empty-state';
import { useLocalize } from '../../components/localized-text';
import { DoneFigures } from '../tasks/done-figures';

/** The latest things the user did (已办), each with the figures they gave (an expert's scores); all of them at /tasks/done. */
export function DoneSection({ title, testId }: { title: string; testId: string }) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const navigate = useNavigate();
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
          <List.Item
            role="link"
            tabIndex={0}
            style={{ cursor: 'pointer', paddingInline: 4 }}
            onClick={() => navigate(`/instances/${row.instanceId}`)}
            onKeyDown={(e) => e.key === 'Enter' && navigate(`/instances/${row.instanceId}`)}
            data-testid="home-done"
          >
            <List.Item.Meta
              title={
                <Space wrap size={6}>
                  <Typography.Link>{localize(row.title)}</Typography.Link>
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
