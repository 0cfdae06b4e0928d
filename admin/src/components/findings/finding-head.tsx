import { Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

import type { FindingRow } from '../../routes/findings/finding.types';
import { DeadlineCell, FindingStatusTag } from '../../routes/findings/finding-tags';
import type { FindingsConfig } from '../../types/contract';
import { useLocalize } from '../localized-text';

const SEVERITY_COLOR = { high: 'red', medium: 'orange', low: 'gold' } as const;
type Raise = Extract<FindingsConfig, { mode: 'raise' }>;

/** The severity as the definition names it (its declared label), else the console's word for it. */
export function SeverityName({ severity, config }: { severity: FindingRow['severity']; config?: Raise | null }) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const rule = config?.severities.find((s) => s.value === severity);
  return (
    <Tag color={SEVERITY_COLOR[severity]} data-testid="finding-severity" data-severity={severity}>
      {rule ? localize(rule.label) : t(`findings.severity.${severity}`)}
    </Tag>
  );
}

/**
 * What a finding is and where it stands, in two lines that wrap on a phone: item, severity, status;
 * then its deadline (overdue, escalated), the offline order and the paper notice's number.
 */
export function FindingHead({ row, config }: { row: FindingRow; config?: Raise | null }) {
  const { t } = useTranslation();
  return (
    <Space direction="vertical" size={4} style={{ width: '100%' }}>
      <Space wrap size={6}>
        <Tag>{row.itemCode}</Tag>
        <Tag color="blue" bordered={false}>
          {row.layer}
        </Tag>
        <Typography.Text strong>{row.title}</Typography.Text>
      </Space>
      <Space wrap size={6}>
        <SeverityName severity={row.severity} config={config} />
        <FindingStatusTag row={row} />
        {row.offlineOrdered && (
          <Tag color="magenta" data-testid="finding-offline">
            {t('findings.offline')}
          </Tag>
        )}
        {row.status === 'open' && (
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            {t('findings.dueAt')}：
          </Typography.Text>
        )}
        {row.status === 'open' && <DeadlineCell row={row} />}
        {row.noticeNo && (
          <Typography.Text type="secondary" style={{ fontSize: 13 }} data-testid="finding-notice-no">
            {t('findings.noticeNo')}：{row.noticeNo}
          </Typography.Text>
        )}
      </Space>
    </Space>
  );
}
