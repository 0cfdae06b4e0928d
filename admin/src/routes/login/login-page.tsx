import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useGo, useInvalidateAuthStore, useLogin } from '@refinedev/core';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../../components/language-switch';
import { useLocalize } from '../../components/localized-text';
import { ApiError, isApiError } from '../../providers/http';
import { LoginAside } from './login-aside';
import { brand } from '../../config/theme';
import { formatDateTime } from '../../components/date-text';

type Credentials = { username: string; password: string; otp?: string };

function useLoginErrorText(error: ApiError | null): string | null {
  const { t } = useTranslation();
  const localize = useLocalize();
  if (!error) return null;
  if (error.code === 'ACCOUNT_LOCKED' && error.lockedUntil) {
    return t('login.lockedUntil', { time: formatDateTime(error.lockedUntil, 'HH:mm') });
  }
  if (error.localized) return localize(error.localized);
  return t(`errors.codes.${error.code}`, { defaultValue: t('errors.generic') });
}

export function LoginPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const go = useGo();
  const invalidateAuth = useInvalidateAuthStore();
  const [error, setError] = useState<ApiError | null>(null);
  // Accounts with two-factor sign-in answer TOTP_REQUIRED first: then the code field appears.
  const needsOtp = error?.code === 'TOTP_REQUIRED' || error?.code === 'TOTP_INVALID';
  const errorText = useLoginErrorText(error);
  const { mutate: login, isPending } = useLogin<Credentials>({
    mutationOptions: {
      onSuccess: async (res) => {
        if (!res.success) {
          setError(isApiError(res.error) ? res.error : new ApiError(0, null));
          return;
        }
        setError(null);
        await invalidateAuth();
        go({ to: params.get('to') ?? res.redirectTo ?? '/', type: 'replace' });
      },
      onError: (e) => setError(isApiError(e) ? e : new ApiError(0, null)),
    },
  });

  return (
    <div style={{ minHeight: '100vh', display: 'flex', background: brand.loginBackground }}>
      <LoginAside />
      <div style={{ flex: '0 0 480px', display: 'flex', alignItems: 'center', justifyContent: 'center', padding: 24 }}>
        <Card style={{ width: 400, boxShadow: '0 12px 40px rgba(8, 30, 66, 0.35)' }} styles={{ body: { padding: 32 } }}>
          <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', marginBottom: 24 }}>
            <Typography.Title level={4} style={{ margin: 0 }}>
              {t('login.title')}
            </Typography.Title>
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
          <Form<Credentials> layout="vertical" requiredMark={false} onFinish={(values) => login(values)} size="large">
            <Form.Item name="username" label={t('login.username')} rules={[{ required: true, message: t('login.usernameRequired') }]}>
              <Input prefix={<UserOutlined />} autoComplete="username" placeholder={t('login.usernamePlaceholder')} />
            </Form.Item>
            <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('login.passwordRequired') }]}>
              <Input.Password prefix={<LockOutlined />} autoComplete="current-password" placeholder={t('login.passwordPlaceholder')} />
            </Form.Item>
            {needsOtp && (
              <Form.Item name="otp" label={t('account.otp.otp')} rules={[{ required: true, pattern: /^\d{6}$/, message: t('account.otp.otpRequired') }]}>
                <Input inputMode="numeric" autoComplete="one-time-code" maxLength={6} autoFocus placeholder={t('account.otp.otpPlaceholder')} />
              </Form.Item>
            )}
            <Button type="primary" htmlType="submit" block loading={isPending} style={{ marginTop: 8 }}>
              {t('login.submit')}
            </Button>
          </Form>
          <Typography.Paragraph type="secondary" style={{ marginTop: 20, marginBottom: 0, fontSize: 12 }}>
            {t('login.notice')}
          </Typography.Paragraph>
        </Card>
      </div>
    </div>
  );
}
