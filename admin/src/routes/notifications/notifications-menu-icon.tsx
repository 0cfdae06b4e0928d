import { BellOutlined } from '@ant-design/icons';
import { Badge } from 'antd';

import { UNREAD_LIMIT, useUnreadNotifications } from './use-unread-notifications';

/**
 * The menu entry's icon carries the unread count, so it shows even with the sider collapsed.
 * antd's Menu clones the icon with its own className (the icon-to-label spacing): pass it on.
 * The badge leans left, into the item's padding: at its default corner a "19+" covers the label.
 */
export function NotificationsMenuIcon({ className }: { className?: string }) {
  const { data } = useUnreadNotifications();
  const count = data?.items.length ?? 0;
  return (
    <Badge
      className={className}
      count={count}
      overflowCount={UNREAD_LIMIT - 1}
      size="small"
      offset={[-12, 0]}
      data-testid="menu-unread-badge"
    >
      <BellOutlined style={{ color: 'inherit' }} />
    </Badge>
  );
}
