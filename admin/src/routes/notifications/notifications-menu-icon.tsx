import { Badge } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { UNREAD_LIMIT, useUnreadNotifications } from './use-unread-notifications';

/**
 * The menu entry's icon carries the unread count, so it shows even with the sider collapsed.
 * antd's Menu clones the icon with its own className (the icon-to-label spacing): pass it on.
 */
export function NotificationsMenuIcon({ className }: { className?: string }) {
  const { data } = useUnreadNotifications();
  const count = data?.items.length ?? 0;
  return (
    <Badge className={className} count={count} overflowCount={UNREAD_LIMIT - 1} size="small" offset={[0, 2]} data-testid="menu-unread-badge">
      <BellOutlined style={{ color: 'inherit' }} />
    </Badge>
  );
}
