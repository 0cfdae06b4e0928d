import { Alert, App, Button, Card, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { loadSession } from '../../providers/session';
import { TotpEnrolment } from './totp-enrolment';

/** 两步验证 on the account page of the three powers: on (the usual case), or set up here with the same steps as the forced page. */
export function TwoFactorCard({ enabled, username }: { enabled: boolean; username: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [started, setStarted] = useState(false);
  const [confirmed, setConfirmed] = useState(false);
  const done = async () => {
    await loadSession(true);
    setConfirmed(true);
    setStarted(false);
    void message.success(t('account.totp.done'));
  };
  return (
    <Card title={t('account.totp.title')} style={{ maxWidth: 520 }}>
      <Typography.Paragraph type="secondary">{t('account.totp.intro')}</Typography.Paragraph>
      {enabled || confirmed ? (
        <Alert type="success" showIcon message={t('account.totp.enabled')} />
      ) : started ? (
        <TotpEnrolment username={username} onDone={done} />
      ) : (
        <Button onClick={() => setStarted(true)}>{t('account.totp.start')}</Button>
      )}
    </Card>
  );
}
