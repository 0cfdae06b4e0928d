import '@refinedev/antd/dist/reset.css';
import './a11y.css';
import './config/time';

import { Refine } from '@refinedev/core';
import routerProvider, { DocumentTitleHandler } from '@refinedev/react-router';
import { App as AntdApp, ConfigProvider } from 'antd';
import enUS from 'antd/es/locale/en_US';
import zhCN from 'antd/es/locale/zh_CN';
import { useTranslation } from 'react-i18next';
import { BrowserRouter } from 'react-router';

import { AppRoutes } from './app-routes';
import { Logo } from './components/logo';
import { resources } from './config/resources';
import { theme } from './config/theme';
import { accessControlProvider } from './providers/access-control';
import { authProvider } from './providers/auth-provider';
import { dataProvider } from './providers/data-provider';
import { i18nProvider } from './providers/i18n-provider';
import { useNotificationProvider } from './providers/notification-provider';
import { queryClient } from './providers/query-client';

export function App() {
  const { t, i18n } = useTranslation();
  const title = (page?: string) => (page ? `${page} | ${t('app.brand')}` : t('app.title'));
  return (
    <BrowserRouter>
      <ConfigProvider theme={theme} locale={i18n.language === 'en' ? enUS : zhCN}>
        <AntdApp>
          <Refine
            routerProvider={routerProvider}
            dataProvider={dataProvider}
            authProvider={authProvider}
            accessControlProvider={accessControlProvider}
            i18nProvider={i18nProvider}
            notificationProvider={useNotificationProvider}
            resources={resources}
            options={{
              syncWithLocation: true,
              warnWhenUnsavedChanges: false,
              disableTelemetry: true,
              reactQuery: { clientConfig: queryClient },
              title: { text: t('app.brand'), icon: <Logo size={24} /> },
            }}
          >
            <AppRoutes />
            <DocumentTitleHandler
              handler={({ resource, pathname }) =>
                pathname === '/login'
                  ? title(t('login.title'))
                  : title(resource ? t(`${resource.name}.${resource.name}`) : undefined)
              }
            />
          </Refine>
        </AntdApp>
      </ConfigProvider>
    </BrowserRouter>
  );
}
