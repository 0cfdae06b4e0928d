import { Badge, Button, List, Popover, Tag, Typography } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { http } from '../providers/http';
import { useLocalize } from './localized-text';
import { formatDateTime } from './date-text';
import { EmptyState } from './empty-state';
import type { NotificationRow, Page } from '../types/contract';

const KIND_COLORS: Record<string, string> = { reminder: 'gold', escalation: 'red', chase: 'orange', copy: 'blue', entered: 'green', sign: 'purple' };

/** 消息提醒: unread reminders, chases, copies and escalations; opening one marks it read and goes to its instance. */
export function NotificationBell() {
  const { t } = useTranslation();
  const localize = useLocalize();
  const navigate = useNavigate();
  const client = useQueryClient();
  const query = useQuery({
    queryKey: ['notifications', 'unread'],
    queryFn: () => http<Page<NotificationRow>>('/notifications', { query: { unread: 1, limit: 20 } }),
    refetchInterval: 60_000,
    retry: false,
  });
  // No notification service yet (or a failure): no bell, rather than a broken one.
  if (query.isError) return null;
  const items = query.data?.items ?? [];
  const open = async (n: NotificationRow) => {
    try {
      await http(`/notifications/${n.id}/read`, { method: 'POST' });
    } finally {
      void client.invalidateQueries({ queryKey: ['notifications'] });
      if (n.instanceId) navigate(`/instances/${n.instanceId}`);
    }
  };
  const content = (
    <div style={{ width: 360, maxHeight: 420, overflowY: 'auto' }} data-testid="notification-list">
      <List
        dataSource={items}
        locale={{ emptyText: <EmptyState description={t('notices.empty')} /> }}
        renderItem={(n) => (
          <List.Item style={{ cursor: 'pointer', paddingInline: 4 }} role="link" tabIndex={0} onClick={() => void open(n)} onKeyDown={(e) => e.key === 'Enter' && void open(n)}>
            <List.Item.Meta
              title={
                <span>
                  <Tag color={KIND_COLORS[n.kind] ?? 'default'} bordered={false}>
                    {t(`notices.kinds.${n.kind}`, { defaultValue: n.kind })}
                  </Tag>
                  {localize(n.title)}
                </span>
              }
              description={<Typography.Text type="secondary" style={{ fontSize: 12 }}>{formatDateTime(n.createdAt)}</Typography.Text>}
            />
          </List.Item>
        )}
      />
    </div>
  );
  return (
    <Popover content={content} title={t('notices.title')} trigger="click" placement="bottomRight">
      <Badge count={items.length} overflowCount={19} size="small" offset={[-4, 4]}>
        <Button type="text" icon={<BellOutlined />} aria-label={t('notices.title')} data-testid="notification-bell" />
      </Badge>
    </Popover>
  );
}
