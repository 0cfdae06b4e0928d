import { Grid, Space, Typography } from 'antd';
import { AuditOutlined, BranchesOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Logo } from '../../components/app-title';

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
    <div style={{ flex: 1, display: 'flex', flexDirection: 'column', justifyContent: 'space-between', padding: '48px 64px', color: '#fff' }}>
      <Space size={12} align="center">
        <Logo size={36} />
        <span style={{ fontSize: 18, fontWeight: 600, letterSpacing: 1 }}>{t('app.owner')}</span>
      </Space>
      <div style={{ maxWidth: 560 }}>
        <Typography.Title level={1} style={{ color: '#fff', marginBottom: 12, fontSize: 36 }} data-testid="product-title">
          {t('app.title')}
        </Typography.Title>
        <Typography.Paragraph style={{ color: 'rgba(255,255,255,0.85)', fontSize: 16, marginBottom: 40 }}>
          {t('login.tagline')}
        </Typography.Paragraph>
        <Space direction="vertical" size={20}>
          {FEATURES.map((f) => (
            <Space key={f.key} align="start" size={14}>
              <span style={{ fontSize: 22, color: '#9cc2ff' }}>{f.icon}</span>
              <span>
                <div style={{ fontSize: 16, fontWeight: 600 }}>{t(`login.features.${f.key}.title`)}</div>
                <div style={{ color: 'rgba(255,255,255,0.72)' }}>{t(`login.features.${f.key}.description`)}</div>
              </span>
            </Space>
          ))}
        </Space>
      </div>
      <Typography.Text style={{ color: 'rgba(255,255,255,0.55)', fontSize: 12 }}>{t('app.footer')}</Typography.Text>
    </div>
  );
}
