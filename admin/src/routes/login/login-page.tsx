import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, theme } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { LanguageSwitch } from '../../components/language-switch';
import { useLocalize } from '../../components/localized-text';
import { districtClock } from '../../config/district';
import { brand } from '../../config/theme';
import { openConsole, prefetchConsole } from '../../open-console';
import { type ApiError, asApiError } from '../../providers/http';
import { afterSignIn, type Credentials, requestSignIn } from '../../providers/sign-in';
import { LoginAside } from './login-aside';

function useLoginErrorText(error: ApiError | null): string | null {
  const { t } = useTranslation();
  const localize = useLocalize();
  if (!error) return null;
  if (error.code === 'ACCOUNT_LOCKED' && error.lockedUntil) {
    return t('login.lockedUntil', { time: districtClock(error.lockedUntil) });
  }
  if (error.localized) return localize(error.localized);
  return t(`errors.codes.${error.code}`, { defaultValue: t('errors.generic') });
}

/**
 * 账号登录. Kept light on purpose (plain elements where antd's Card and Typography would bring tabs,
 * menus and tooltips): it is the page every visit starts from, before the console is loaded. Signed in,
 * the console takes its place at the page it was asked for (openConsole).
 */
export function LoginPage() {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const [error, setError] = useState<ApiError | null>(null);
  const [pending, setPending] = useState(false);
  // Accounts with two-factor sign-in answer TOTP_REQUIRED first: then the code field appears.
  const needsOtp = error?.code === 'TOTP_REQUIRED' || error?.code === 'TOTP_INVALID';
  const errorText = useLoginErrorText(error);
  const submit = async (values: Credentials) => {
    setPending(true);
    try {
      await requestSignIn(values);
      await openConsole(afterSignIn(window.location.search));
    } catch (e) {
      setError(asApiError(e));
      setPending(false);
    }
  };

  return (
    <div style={{ minHeight: '100vh', display: 'flex', background: brand.loginBackground }}>
      <LoginAside />
      <div style={{ flex: '0 0 480px', display: 'flex', alignItems: 'center', justifyContent: 'center', padding: 24 }}>
        <div
          style={{
            width: 400,
            padding: 32,
            background: token.colorBgContainer,
            borderRadius: token.borderRadiusLG,
            boxShadow: '0 12px 40px rgba(8, 30, 66, 0.35)',
          }}
        >
          <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', marginBottom: 24 }}>
            <h4 style={{ margin: 0, fontSize: token.fontSizeHeading4, fontWeight: 600, color: token.colorTextHeading }}>
              {t('login.title')}
            </h4>
            <LanguageSwitch size="small" />
          </div>
          {errorText && (
            <Alert
              type="error"
              showIcon
              data-testid="login-error"
              message={error?.code === 'ACCOUNT_LOCKED' ? t('login.lockedTitle') : t('login.failedTitle')}
              description={errorText}
              style={{ marginBottom: 20 }}
            />
          )}
          <Form<Credentials>
            layout="vertical"
            requiredMark={false}
            onFinish={(values) => void submit(values)}
            onValuesChange={prefetchConsole}
            size="large"
          >
            <Form.Item
              name="username"
              label={t('login.username')}
              rules={[{ required: true, message: t('login.usernameRequired') }]}
            >
              <Input prefix={<UserOutlined />} autoComplete="username" placeholder={t('login.usernamePlaceholder')} />
            </Form.Item>
            <Form.Item
              name="password"
              label={t('login.password')}
              rules={[{ required: true, message: t('login.passwordRequired') }]}
            >
              <Input.Password
                prefix={<LockOutlined />}
                autoComplete="current-password"
                placeholder={t('login.passwordPlaceholder')}
              />
            </Form.Item>
            {needsOtp && (
              <Form.Item
                name="otp"
                label={t('account.otp.otp')}
                rules={[{ required: true, pattern: /^\d{6}$/, message: t('account.otp.otpRequired') }]}
              >
                <Input
                  inputMode="numeric"
                  autoComplete="one-time-code"
                  maxLength={6}
                  autoFocus
                  placeholder={t('account.otp.otpPlaceholder')}
                />
              </Form.Item>
            )}
            <Button type="primary" htmlType="submit" block loading={pending} style={{ marginTop: 8 }}>
              {t('login.submit')}
            </Button>
          </Form>
          <p style={{ marginTop: 20, marginBottom: 0, fontSize: 12, color: token.colorTextSecondary }}>
            {t('login.notice')}
          </p>
        </div>
      </div>
    </div>
  );
}
