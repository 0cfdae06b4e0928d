import { AuditOutlined, BranchesOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Grid } from 'antd';
import { useTranslation } from 'react-i18next';

import { Logo } from '../../components/logo';

const FEATURES = [
  { key: 'workflow', icon: <BranchesOutlined /> },
  { key: 'security', icon: <SafetyCertificateOutlined /> },
  { key: 'audit', icon: <AuditOutlined /> },
] as const;

/** The product introduction beside the sign-in form (hidden on narrow screens). */
export function LoginAside() {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  if (screens.lg === false) return null;
  return (
    <div
      style={{
        flex: 1,
        display: 'flex',
        flexDirection: 'column',
        justifyContent: 'space-between',
        padding: '48px 64px',
        color: '#fff',
      }}
    >
      <div style={{ display: 'flex', alignItems: 'center', gap: 12 }}>
        <Logo size={36} />
        <span style={{ fontSize: 18, fontWeight: 600, letterSpacing: 1 }}>{t('app.owner')}</span>
      </div>
      <div style={{ maxWidth: 560 }}>
        <h1
          style={{ color: '#fff', margin: '0 0 12px', fontSize: 36, fontWeight: 600, lineHeight: 1.23 }}
          data-testid="product-title"
        >
          {t('app.title')}
        </h1>
        <p style={{ color: 'rgba(255,255,255,0.85)', fontSize: 16, margin: '0 0 40px', lineHeight: 1.6 }}>
          {t('login.tagline')}
        </p>
        <div style={{ display: 'flex', flexDirection: 'column', gap: 20 }}>
          {FEATURES.map((f) => (
            <div key={f.key} style={{ display: 'flex', alignItems: 'flex-start', gap: 14 }}>
              <span style={{ fontSize: 22, color: '#9cc2ff' }}>{f.icon}</span>
              <span>
                <div style={{ fontSize: 16, fontWeight: 600 }}>{t(`login.features.${f.key}.title`)}</div>
                <div style={{ color: 'rgba(255,255,255,0.72)' }}>{t(`login.features.${f.key}.description`)}</div>
              </span>
            </div>
          ))}
        </div>
      </div>
      <span style={{ color: 'rgba(255,255,255,0.55)', fontSize: 12 }}>{t('app.footer')}</span>
    </div>
  );
}
