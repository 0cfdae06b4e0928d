import { useGo } from '@refinedev/core';
import { Alert, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { holdsPower } from '../../lib/powers';
import { cachedSession, loadSession } from '../../providers/session';
import { ChangePasswordCard } from './change-password-card';
import { DelegationCard } from './delegation-card';
import { TwoFactorCard } from './two-factor-card';

/** 账号安全: one's own password and, for the three powers, two-factor sign-in. */
export function AccountPage() {
  const { t } = useTranslation();
  const go = useGo();
  const [session, setSession] = useState(cachedSession());
  useEffect(() => {
    void loadSession(true).then(setSession);
  }, []);
  const forced = session?.me.mustChangePassword === true;
  // Two-factor sign-in is for the three powers (三权分立), and required of them.
  const privileged = holdsPower(session?.me.roles ?? []);

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <div>
        <Typography.Title level={3} style={{ marginBottom: 4 }}>
          {t('account.title')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('account.subtitle')}</Typography.Text>
      </div>
      {forced && (
        <Alert
          type="warning"
          showIcon
          message={t('account.forcedTitle')}
          description={t('account.forcedBody')}
          data-testid="password-forced"
        />
      )}
      <ChangePasswordCard
        onChanged={() => {
          void loadSession(true).then((s) => {
            setSession(s);
            if (forced) go({ to: '/', type: 'replace' });
          });
        }}
      />
      {privileged && !forced && session && (
        <TwoFactorCard enabled={session.me.twoFactor === true} username={session.me.user.username} />
      )}
      {session && !forced && !session.me.mustEnrolTwoFactor && (
        <DelegationCard meId={session.me.user.id} canCreate={session.ability.can('create', 'Delegation')} />
      )}
    </Space>
  );
}
