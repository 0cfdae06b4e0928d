import { Alert, Button, Skeleton } from 'antd';
import { SafetyCertificateOutlined, WarningOutlined } from '@ant-design/icons';
import { useCustom } from '@refinedev/core';
import { useTranslation } from 'react-i18next';
import type { AuditVerify } from '../../types/contract';

/** 审计链校验: green when every hash links up, red naming the first broken entry. */
export function ChainBanner() {
  const { t } = useTranslation();
  const { result, query } = useCustom<AuditVerify>({ url: '/api/audit/verify', method: 'get' });
  if (query.isLoading) return <Skeleton.Input active block style={{ marginBottom: 16 }} />;
  const recheck = (
    <Button size="small" onClick={() => void query.refetch()} loading={query.isFetching}>
      {t('audit.recheck')}
    </Button>
  );
  if (query.isError || !result.data) {
    return <Alert type="warning" showIcon style={{ marginBottom: 16 }} message={t('audit.verifyUnavailable')} action={recheck} />;
  }
  const v = result.data;
  return v.ok ? (
    <Alert type="success" showIcon icon={<SafetyCertificateOutlined />} style={{ marginBottom: 16 }} data-testid="chain-ok" message={t('audit.chainOk', { count: v.count })} description={t('audit.chainOkHint')} action={recheck} />
  ) : (
    <Alert type="error" showIcon icon={<WarningOutlined />} style={{ marginBottom: 16 }} data-testid="chain-broken" message={t('audit.chainBroken', { seq: v.brokenAt })} description={t('audit.chainBrokenHint', { count: v.count, reason: v.reason })} action={recheck} />
  );
}
