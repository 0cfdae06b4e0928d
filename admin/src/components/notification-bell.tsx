import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, List, Popover, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

import { KIND_COLORS } from '../routes/notifications/notification-kinds';
import { useOpenNotification } from '../routes/notifications/use-open-notification';
import { UNREAD_LIMIT, useUnreadNotifications } from '../routes/notifications/use-unread-notifications';
import type { NotificationRow } from '../types/contract';
import { formatDateTime } from './date-text';
import { EmptyState } from './empty-state';
import { useLocalize } from './localized-text';
import { reasonsLine } from './rule-reasons';

/** 消息提醒: unread reminders, chases, copies and escalations; opening one marks it read and goes to its instance. */
export function NotificationBell() {
  const { t } = useTranslation();
  const localize = useLocalize();
  const navigate = useNavigate();
  const [visible, setVisible] = useState(false);
  const query = useUnreadNotifications();
  const { open } = useOpenNotification();
  // No notification service yet (or a failure): no bell, rather than a broken one.
  if (query.isError) return null;
  const items = query.data?.items ?? [];
  const go = (n: NotificationRow) => {
    setVisible(false);
    void open(n);
  };
  const content = (
    <div style={{ width: 360 }}>
      <div style={{ maxHeight: 420, overflowY: 'auto' }} data-testid="notification-list">
        <List
          dataSource={items}
          locale={{ emptyText: <EmptyState description={t('notices.empty')} /> }}
          renderItem={(n) => (
            // The title is the link (Tab, Enter, announced as one); a click anywhere on the row opens it too.
            <List.Item
              style={{ cursor: 'pointer', paddingInline: 4 }}
              onClick={(e) => !(e.target as HTMLElement).closest('a') && go(n)}
            >
              <List.Item.Meta
                title={
                  <span>
                    <Tag color={KIND_COLORS[n.kind]} bordered={false}>
                      {t(`notices.kinds.${n.kind}`, { defaultValue: n.kind })}
                    </Tag>
                    <a
                      href={n.instanceId ? `/instances/${n.instanceId}` : '/notifications'}
                      onClick={(e) => {
                        e.preventDefault();
                        go(n);
                      }}
                    >
                      {localize(n.title)}
                    </a>
                  </span>
                }
                description={
                  <>
                    {n.detail && <Typography.Text style={{ display: 'block' }}>{localize(n.detail)}</Typography.Text>}
                    {!!n.reasons?.length && <Typography.Text>{reasonsLine(n.reasons, localize)}</Typography.Text>}
                    <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
                      {formatDateTime(n.createdAt)}
                    </Typography.Text>
                  </>
                }
              />
            </List.Item>
          )}
        />
      </div>
      <div style={{ borderTop: '1px solid rgba(5,5,5,0.06)', paddingTop: 8, textAlign: 'center' }}>
        <Button
          type="link"
          size="small"
          data-testid="notification-view-all"
          onClick={() => {
            setVisible(false);
            navigate('/notifications');
          }}
        >
          {t('inbox.viewAll')}
        </Button>
      </div>
    </div>
  );
  return (
    <Popover
      content={content}
      title={t('notices.title')}
      trigger="click"
      placement="bottomRight"
      open={visible}
      onOpenChange={setVisible}
    >
      <Badge count={items.length} overflowCount={UNREAD_LIMIT - 1} size="small" offset={[-4, 4]}>
        <Button type="text" icon={<BellOutlined />} aria-label={t('notices.title')} data-testid="notification-bell" />
      </Badge>
    </Popover>
  );
}
