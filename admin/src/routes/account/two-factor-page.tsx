import { LogoutOutlined } from '@ant-design/icons';
import { useGo, useInvalidateAuthStore, useLogout } from '@refinedev/core';
import { App, Button, Card, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router';

import { LanguageSwitch } from '../../components/language-switch';
import { brand } from '../../config/theme';
import { cachedSession, loadSession } from '../../providers/session';
import { LoginAside } from '../login/login-aside';
import { TotpEnrolment } from './totp-enrolment';

/**
 * `/two-factor`: the first sign-in of a system admin, security admin or auditor without an
 * authenticator. Outside the console's layout on purpose: until a code is confirmed every other API
 * answers TOTP_ENROLMENT_REQUIRED, so there is nothing else to show.
 */
export function TwoFactorPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const go = useGo();
  const invalidateAuth = useInvalidateAuthStore();
  const { mutate: logout } = useLogout();
  const me = cachedSession()?.me;
  if (!me) return <Navigate to="/login" replace />;
  if (me.mustChangePassword) return <Navigate to="/account" replace />;
  if (!me.mustEnrolTwoFactor) return <Navigate to="/" replace />;
  const roles = [...new Set(me.roles.map((r) => t(`roles.${r.role}`)))].join(t('common.listSeparator'));
  const done = async () => {
    await loadSession(true);
    await invalidateAuth();
    void message.success(t('enrol.done'));
    go({ to: '/', type: 'replace' });
  };
  return (
    <div style={{ minHeight: '100vh', display: 'flex', background: brand.loginBackground }}>
      <LoginAside />
      <div style={{ flex: '0 0 520px', display: 'flex', alignItems: 'center', justifyContent: 'center', padding: 24 }}>
        <Card
          style={{ width: 460, boxShadow: '0 12px 40px rgba(8, 30, 66, 0.35)' }}
          styles={{ body: { padding: 28 } }}
          data-testid="two-factor-page"
        >
          <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', marginBottom: 8 }}>
            <Typography.Title level={4} style={{ margin: 0 }}>
              {t('enrol.title')}
            </Typography.Title>
            <LanguageSwitch size="small" />
          </div>
          <Typography.Paragraph type="secondary">{t('enrol.subtitle', { roles })}</Typography.Paragraph>
          <TotpEnrolment username={me.user.username} onDone={done} />
          <Space style={{ marginTop: 16 }}>
            <Typography.Text type="secondary">{me.user.displayName}</Typography.Text>
            <Button type="link" size="small" icon={<LogoutOutlined />} onClick={() => logout()}>
              {t('enrol.signOut')}
            </Button>
          </Space>
        </Card>
      </div>
    </div>
  );
}
