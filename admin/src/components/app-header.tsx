import { LogoutOutlined, SafetyOutlined, UserOutlined } from '@ant-design/icons';
import { useGetIdentity, useLogout } from '@refinedev/core';
import { Avatar, Button, Grid, Layout, Space, Tag, theme, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import type { Identity } from '../providers/auth-provider';
import { LanguageSwitch } from './language-switch';
import { NotificationBell } from './notification-bell';

/** Header: who is signed in, with which roles where, the language switch and sign-out. */
export function AppHeader() {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const { data: user } = useGetIdentity<Identity>();
  const { mutate: logout, isPending } = useLogout();
  const roleNames = Array.from(new Set(user?.roles.map((r) => r.role) ?? []));
  // On a tablet the buttons keep their icons only (named by tooltip and aria-label) so the name is not clipped;
  // on a phone the role tags go too. Below lg the menu's drawer button sits at the header's left (a11y.css).
  const screens = Grid.useBreakpoint();
  const compact = !screens.xl;
  const phone = !screens.md;
  return (
    <Layout.Header
      style={{
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'flex-end',
        gap: phone ? 8 : 16,
        padding: screens.lg ? '0 24px' : '0 12px 0 60px',
        background: token.colorBgContainer,
        borderBottom: `1px solid ${token.colorBorderSecondary}`,
        position: 'sticky',
        top: 0,
        zIndex: 10,
      }}
    >
      {user && (
        <Space size={10}>
          {!phone && <Avatar size="small" icon={<UserOutlined />} style={{ background: token.colorPrimary }} />}
          <Typography.Text
            strong
            data-testid="current-user"
            ellipsis={phone ? { tooltip: user.displayName } : false}
            // A block of its own line height: as an inline box cut with an ellipsis it sat on the header's 64 px
            // line's baseline, below the buttons beside it.
            style={phone ? { maxWidth: 96, display: 'block', lineHeight: '22px' } : undefined}
          >
            {user.displayName}
          </Typography.Text>
          <Space size={4} wrap style={phone ? { display: 'none' } : undefined}>
            {roleNames.map((role) => (
              <Tooltip
                key={role}
                title={user.roles
                  .filter((r) => r.role === role)
                  .map((r) => r.orgName)
                  .join(t('common.listSeparator'))}
              >
                <Tag color="blue" bordered={false} style={{ marginInlineEnd: 0 }}>
                  {t(`roles.${role}`)}
                </Tag>
              </Tooltip>
            ))}
          </Space>
        </Space>
      )}
      <Link to="/account" data-testid="account-link">
        <Tooltip title={compact ? t('account.menu') : undefined}>
          <Button type="text" icon={<SafetyOutlined />} aria-label={t('account.menu')}>
            {compact ? null : t('account.menu')}
          </Button>
        </Tooltip>
      </Link>
      <NotificationBell />
      <LanguageSwitch size="small" compact={phone} />
      <Tooltip title={compact ? t('auth.logout') : undefined}>
        <Button
          type="text"
          icon={<LogoutOutlined />}
          loading={isPending}
          onClick={() => logout()}
          aria-label={t('auth.logout')}
        >
          {compact ? null : t('auth.logout')}
        </Button>
      </Tooltip>
    </Layout.Header>
  );
}
