import { Space, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';

import { DateText, formatDateTime } from '../../components/date-text';
import { type FindingRow, type FindingStatus, findingStatus } from './finding.types';

const SEVERITY_COLOR: Record<FindingRow['severity'], string> = { high: 'red', medium: 'orange', low: 'gold' };

export function SeverityTag({ severity }: { severity: FindingRow['severity'] }) {
  const { t } = useTranslation();
  return (
    <Tag color={SEVERITY_COLOR[severity]} data-testid="finding-severity" data-severity={severity}>
      {t(`findings.severity.${severity}`)}
    </Tag>
  );
}

/** 办理时限 with what the bureau watches: 已超期 while open past it, 已督办 once its timer escalated it. */
export function DeadlineCell({ row }: { row: FindingRow }) {
  const { t } = useTranslation();
  return (
    <Space size={4} wrap>
      <DateText value={row.dueAt} />
      {row.overdue && (
        <Tag color="red" bordered={false} data-testid="finding-overdue">
          {t('findings.overdue')}
        </Tag>
      )}
      {row.escalatedAt && (
        <Tooltip title={t('findings.escalatedAt', { at: formatDateTime(row.escalatedAt) })}>
          <Tag color="volcano" data-testid="finding-escalated">
            {t('findings.escalated')}
          </Tag>
        </Tooltip>
      )}
    </Space>
  );
}

const STATUS_COLOR: Record<FindingStatus, string> = {
  open: 'processing',
  verifying: 'purple',
  returned: 'warning',
  closed: 'success',
};

/** 整改中 / 待复核 / 退回重改 / 已整改: open but handed in is the inspector's turn, not the school's overdue. */
export function FindingStatusTag({ row }: { row: Pick<FindingRow, 'status' | 'rectifiedAt' | 'returnedAt'> }) {
  const { t } = useTranslation();
  const shown = findingStatus(row);
  return (
    <Tag color={STATUS_COLOR[shown]} data-testid="finding-status" data-status={shown}>
      {t(`findings.statuses.${shown}`)}
    </Tag>
  );
}
