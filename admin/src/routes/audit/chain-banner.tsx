import { DownloadOutlined, SafetyCertificateOutlined, WarningOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Skeleton, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { api, call } from '../../api/client';
import { formatDateTime } from '../../components/date-text';
import { useLocalize } from '../../components/localized-text';
import { buildUrl } from '../../providers/http';
import type { AuditVerify } from '../../types/contract';

/**
 * 审计链校验: green when every hash links up and matches the checkpoints kept outside the database, red naming
 * the first broken entry. The server checks only what was added since its last check; 完整校验 rehashes the
 * whole chain from its start (the genesis, or the last archive), which takes longer on a long log.
 */
export function ChainBanner() {
  const { t } = useTranslation();
  const localize = useLocalize();
  const [full, setFull] = useState(false);
  // Keyed ['audit-verify', …] so an archive can ask for a fresh check (the chain's start moved).
  const query = useQuery({
    queryKey: ['audit-verify', full],
    queryFn: () => call(api.GET('/api/audit/verify', { params: { query: full ? { full: '1' } : {} } })),
  });
  if (query.isLoading) return <Skeleton.Input active block style={{ marginBottom: 16 }} />;
  const recheck = (
    <Space>
      {/* The auditor keeps a copy of the anchors outside the server (ADR 0004). */}
      <Button
        size="small"
        icon={<DownloadOutlined />}
        href={buildUrl('/audit/checkpoints.log')}
        data-testid="download-checkpoints"
      >
        {t('audit.downloadCheckpoints')}
      </Button>
      <Button
        size="small"
        onClick={() => (full ? setFull(false) : void query.refetch())}
        loading={query.isFetching && !full}
      >
        {t('audit.recheck')}
      </Button>
      <Button
        size="small"
        onClick={() => (full ? void query.refetch() : setFull(true))}
        loading={query.isFetching && full}
        data-testid="verify-full"
      >
        {t('audit.fullVerify')}
      </Button>
    </Space>
  );
  if (query.isError || !query.data) {
    return (
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        message={t('audit.verifyUnavailable')}
        action={recheck}
      />
    );
  }
  const v = query.data;
  const details = (ok: Extract<AuditVerify, { ok: true }>) =>
    [
      t('audit.chainOkHint'),
      ok.checkpoints && ok.checkpoints.count > 0
        ? t('audit.chainAnchored', { count: ok.checkpoints.count, seq: ok.checkpoints.lastSeq })
        : '',
      ok.anchor
        ? t('audit.chainFrom', {
            seq: ok.anchor.seq + 1,
            at: formatDateTime(ok.anchor.archivedAt),
            cutoff: formatDateTime(ok.anchor.cutoff),
          })
        : '',
      ok.mode === 'incremental'
        ? t('audit.checkedNew', {
            checked: ok.checked ?? 0,
            fullAt: ok.fullAt ? formatDateTime(ok.fullAt) : t('audit.never'),
          })
        : ok.mode === 'full'
          ? t('audit.checkedFull', { checked: ok.checked ?? ok.count })
          : '',
    ]
      .filter(Boolean)
      .join(' ');
  return v.ok ? (
    <Alert
      type="success"
      showIcon
      icon={<SafetyCertificateOutlined />}
      style={{ marginBottom: 16 }}
      data-testid="chain-ok"
      message={t('audit.chainOk', { count: v.count })}
      description={details(v)}
      action={recheck}
    />
  ) : (
    <Alert
      type="error"
      showIcon
      icon={<WarningOutlined />}
      style={{ marginBottom: 16 }}
      data-testid="chain-broken"
      message={v.missing ? t('audit.chainCut', v.missing) : t('audit.chainBroken', { seq: v.brokenAt })}
      description={t('audit.chainBrokenHint', { count: v.count, reason: v.message ? localize(v.message) : v.reason })}
      action={recheck}
    />
  );
}
