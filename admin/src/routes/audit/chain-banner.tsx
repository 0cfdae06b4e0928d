import { Alert, Button, Skeleton, Space } from 'antd';
import { DownloadOutlined, SafetyCertificateOutlined, WarningOutlined } from '@ant-design/icons';
import { useCustom } from '@refinedev/core';
import { useTranslation } from 'react-i18next';
import { useLocalize } from '../../components/localized-text';
import { buildUrl } from '../../providers/http';
import type { AuditVerify } from '../../types/contract';

/** 审计链校验: green when every hash links up and matches the checkpoints kept outside the database, red naming the first broken entry. */
export function ChainBanner() {
  const { t } = useTranslation();
  const localize = useLocalize();
  const { result, query } = useCustom<AuditVerify>({ url: '/api/audit/verify', method: 'get' });
  if (query.isLoading) return <Skeleton.Input active block style={{ marginBottom: 16 }} />;
  const recheck = (
    <Space>
      {/* The auditor keeps a copy of the anchors outside the server (ADR 0004). */}
      <Button size="small" icon={<DownloadOutlined />} href={buildUrl('/audit/checkpoints.log')} data-testid="download-checkpoints">
        {t('audit.downloadCheckpoints')}
      </Button>
      <Button size="small" onClick={() => void query.refetch()} loading={query.isFetching}>
        {t('audit.recheck')}
      </Button>
    </Space>
  );
  if (query.isError || !result.data) {
    return <Alert type="warning" showIcon style={{ marginBottom: 16 }} message={t('audit.verifyUnavailable')} action={recheck} />;
  }
  const v = result.data;
  return v.ok ? (
    <Alert type="success" showIcon icon={<SafetyCertificateOutlined />} style={{ marginBottom: 16 }} data-testid="chain-ok" message={t('audit.chainOk', { count: v.count })} description={`${t('audit.chainOkHint')}${v.checkpoints && v.checkpoints.count > 0 ? ` ${t('audit.chainAnchored', { count: v.checkpoints.count, seq: v.checkpoints.lastSeq })}` : ''}`} action={recheck} />
  ) : (
    <Alert type="error" showIcon icon={<WarningOutlined />} style={{ marginBottom: 16 }} data-testid="chain-broken" message={v.missing ? t('audit.chainCut', v.missing) : t('audit.chainBroken', { seq: v.brokenAt })} description={t('audit.chainBrokenHint', { count: v.count, reason: v.message ? localize(v.message) : v.reason })} action={recheck} />
  );
}
