import { InfoCircleOutlined, WarningOutlined } from '@ant-design/icons';
import { Button, Card, Skeleton, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import { EmptyState } from '../../components/empty-state';
import { useLocalize } from '../../components/localized-text';
import { isApiError } from '../../providers/http';

type Props = {
  title: ReactNode;
  testId: string;
  loading: boolean;
  error: unknown;
  empty: boolean;
  emptyText: string;
  onRetry: () => void;
  extra?: ReactNode;
  children: ReactNode;
};

/** A dashboard card that says plainly when its report is loading, missing, failing or empty. */
export function ReportCard({ title, testId, loading, error, empty, emptyText, onRetry, extra, children }: Props) {
  const { t } = useTranslation();
  const localize = useLocalize();
  let body: ReactNode = children;
  if (loading) body = <Skeleton active paragraph={{ rows: 5 }} />;
  else if (error) {
    const missing = isApiError(error) && error.status === 404;
    body = (
      <Space
        direction="vertical"
        align="center"
        style={{ width: '100%', padding: '32px 0' }}
        data-testid={`${testId}-error`}
      >
        {missing ? (
          <InfoCircleOutlined style={{ fontSize: 28, color: '#8c8c8c' }} />
        ) : (
          <WarningOutlined style={{ fontSize: 28, color: '#fa8c16' }} />
        )}
        <Typography.Text type="secondary">
          {missing ? t('dashboard.reportUnavailable') : t('dashboard.reportFailed')}
        </Typography.Text>
        {!missing && isApiError(error) && error.localized && (
          <Typography.Text type="secondary">{localize(error.localized)}</Typography.Text>
        )}
        {!missing && (
          <Button size="small" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        )}
      </Space>
    );
  } else if (empty) body = <EmptyState description={emptyText} />;
  return (
    <Card title={title} size="small" data-testid={testId} extra={extra} style={{ height: '100%' }}>
      {body}
    </Card>
  );
}
