import { LogoutOutlined, SafetyOutlined, UserOutlined } from '@ant-design/icons';
import { useGetIdentity, useLogout } from '@refinedev/core';
import { Avatar, Button, Layout, Space, Tag, theme, Tooltip, Typography } from 'antd';
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
  return (
    <Layout.Header
      style={{
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'flex-end',
        gap: 16,
        padding: '0 24px',
        background: token.colorBgContainer,
        borderBottom: `1px solid ${token.colorBorderSecondary}`,
        position: 'sticky',
        top: 0,
        zIndex: 10,
      }}
    >
      {user && (
        <Space size={10}>
          <Avatar size="small" icon={<UserOutlined />} style={{ background: token.colorPrimary }} />
          <Typography.Text strong data-testid="current-user">
            {user.displayName}
          </Typography.Text>
          <Space size={4} wrap>
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
        <Button type="text" icon={<SafetyOutlined />}>
          {t('account.menu')}
        </Button>
      </Link>
      <NotificationBell />
      <LanguageSwitch size="small" />
      <Button type="text" icon={<LogoutOutlined />} loading={isPending} onClick={() => logout()}>
        {t('auth.logout')}
      </Button>
    </Layout.Header>
  );
}
