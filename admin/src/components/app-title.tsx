import type { TitleProps } from '@refinedev/core';
import { theme } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { Logo } from './logo';

/** Sider title: logo + "EduFlow" + the product's Chinese name. */
export function AppTitle({ collapsed }: TitleProps) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  return (
    <Link to="/" style={{ display: 'flex', alignItems: 'center', gap: 10, textDecoration: 'none' }}>
      <Logo />
      {!collapsed && (
        <span style={{ display: 'flex', flexDirection: 'column', lineHeight: 1.2 }}>
          <span style={{ color: token.colorPrimary, fontWeight: 700, fontSize: 16 }}>{t('app.brand')}</span>
          <span style={{ color: token.colorTextSecondary, fontSize: 12 }}>{t('app.subtitle')}</span>
        </span>
      )}
    </Link>
  );
}
