import { Alert, Button, Form, Input, QRCode, Space, Spin, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { api, call } from '../../api/client';
import type { components } from '../../api/schema.gen';
import { useLocalize } from '../../components/localized-text';
import { isApiError } from '../../providers/http';

type Enrolment = components['schemas']['TotpEnrolment'];

/**
 * Authenticator enrolment: asks the API for a fresh secret once, shows it as a QR code and as text,
 * then confirms with one code. Used by the forced first-sign-in page of the three powers.
 */
export function TotpEnrolment({ username, onDone }: { username: string; onDone: () => Promise<void> | void }) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const asked = useRef(false);
  const fail = (e: unknown) => setError(isApiError(e) && e.localized ? localize(e.localized) : t('errors.generic'));

  const start = async () => {
    setBusy(true);
    try {
      setEnrolment(await call(api.POST('/api/auth/2fa/enrol')));
      setError(null);
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  };
  // Once per mount (StrictMode mounts twice in development): each call replaces the pending secret.
  useEffect(() => {
    if (asked.current) return;
    asked.current = true;
    void start();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const confirm = async ({ code }: { code: string }) => {
    setBusy(true);
    try {
      await call(api.POST('/api/auth/2fa/confirm', { body: { code } }));
      setError(null);
      await onDone();
    } catch (e) {
      fail(e);
      setBusy(false);
    }
  };

  if (!enrolment) {
    return (
      <Space direction="vertical" style={{ width: '100%' }}>
        {error && <Alert type="error" showIcon message={error} />}
        {busy ? (
          <Spin tip={t('enrol.loading')}>
            <div style={{ height: 120 }} />
          </Spin>
        ) : (
          <Button onClick={() => void start()}>{t('enrol.retry')}</Button>
        )}
      </Space>
    );
  }
  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }} data-testid="totp-enrolment">
      {error && <Alert type="error" showIcon message={error} data-testid="totp-error" />}
      <Typography.Text>{t('enrol.step1')}</Typography.Text>
      <div style={{ display: 'flex', justifyContent: 'center' }}>
        <QRCode value={enrolment.uri} size={196} bordered data-testid="totp-qr" aria-label={t('enrol.qrAlt')} />
      </div>
      <Typography.Text type="secondary">{t('enrol.step2', { username })}</Typography.Text>
      <Typography.Text
        code
        copyable={{ text: enrolment.secret }}
        data-testid="totp-secret"
        style={{ fontSize: 15, letterSpacing: 1, textAlign: 'center' }}
      >
        {enrolment.secret.replace(/(.{4})/g, '$1 ').trim()}
      </Typography.Text>
      <Typography.Text>{t('enrol.step3')}</Typography.Text>
      <Form layout="inline" onFinish={(v: { code: string }) => void confirm(v)} style={{ rowGap: 8 }}>
        <Form.Item name="code" rules={[{ required: true, pattern: /^\d{6}$/, message: t('account.otp.otpRequired') }]}>
          <Input
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            placeholder={t('account.totp.codeHint')}
            aria-label={t('enrol.code')}
            style={{ width: 262 }}
            autoFocus
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>
          {t('enrol.confirm')}
        </Button>
      </Form>
    </Space>
  );
}
