import { App, Alert, Button, Card, Form, Input, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useState } from 'react';
import { http, isApiError } from '../../providers/http';
import { loadSession } from '../../providers/session';
import { useLocalize } from '../../components/localized-text';

type Enrolment = { secret: string; uri: string };

/** TOTP enrolment for administrators: the key to type into an authenticator, then one code to confirm. */
export function TwoFactorCard({ enabled }: { enabled: boolean }) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const { message } = App.useApp();
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [confirmed, setConfirmed] = useState(false);
  const on = enabled || confirmed;

  const begin = async () => {
    setBusy(true);
    try {
      setEnrolment(await http<Enrolment>('/auth/2fa/enrol', { method: 'POST' }));
      setError(null);
    } catch (e) {
      setError(isApiError(e) && e.localized ? localize(e.localized) : t('errors.generic'));
    } finally {
      setBusy(false);
    }
  };
  const confirm = async ({ code }: { code: string }) => {
    setBusy(true);
    try {
      await http('/auth/2fa/confirm', { method: 'POST', body: { code } });
      await loadSession(true);
      setConfirmed(true);
      setEnrolment(null);
      void message.success(t('account.totp.done'));
    } catch (e) {
      setError(isApiError(e) && e.localized ? localize(e.localized) : t('errors.generic'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={t('account.totp.title')} style={{ maxWidth: 520 }}>
      <Typography.Paragraph type="secondary">{t('account.totp.intro')}</Typography.Paragraph>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
      {on && !enrolment ? (
        <Alert type="success" showIcon message={t('account.totp.enabled')} />
      ) : enrolment ? (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Text>{t('account.totp.secret')}</Typography.Text>
          <Typography.Text code copyable={{ text: enrolment.secret }} data-testid="totp-secret" style={{ fontSize: 16, letterSpacing: 1 }}>
            {enrolment.secret.replace(/(.{4})/g, '$1 ').trim()}
          </Typography.Text>
          <Typography.Text type="secondary">{t('account.totp.uri')}</Typography.Text>
          <Typography.Text copyable style={{ wordBreak: 'break-all', fontSize: 12 }}>
            {enrolment.uri}
          </Typography.Text>
          <Form layout="inline" onFinish={confirm} style={{ marginTop: 8 }}>
            <Form.Item name="code" label={t('account.totp.code')} rules={[{ required: true, pattern: /^\d{6}$/, message: t('account.otp.otpRequired') }]}>
              <Input inputMode="numeric" maxLength={6} placeholder={t('account.totp.codeHint')} style={{ width: 200 }} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={busy}>
              {t('account.totp.confirm')}
            </Button>
          </Form>
        </Space>
      ) : (
        <Button onClick={begin} loading={busy}>
          {t('account.totp.start')}
        </Button>
      )}
    </Card>
  );
}
