import '@refinedev/antd/dist/reset.css';

import { ConfigProvider } from 'antd';
import enUS from 'antd/es/locale/en_US';
import zhCN from 'antd/es/locale/zh_CN';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

import { theme } from '../../config/theme';
import { openConsole } from '../../open-console';
import { afterSignIn, hasSession } from '../../providers/sign-in';
import { LoginPage } from './login-page';

/**
 * /login as a page of its own: the sign-in form with antd's theme and nothing of the console (no Refine,
 * router, data layer or pages), which loads once signed in. A browser that still holds a session goes
 * straight on to the console.
 */
export function SignInApp() {
  const { t, i18n } = useTranslation();
  useEffect(() => {
    document.title = `${t('login.title')} | ${t('app.brand')}`;
  }, [t, i18n.language]);
  useEffect(() => {
    hasSession()
      .then((signedIn) => {
        if (signedIn) void openConsole(afterSignIn(window.location.search));
      })
      .catch(() => undefined);
  }, []);
  return (
    <ConfigProvider theme={theme} locale={i18n.language === 'en' ? enUS : zhCN}>
      <LoginPage />
    </ConfigProvider>
  );
}
