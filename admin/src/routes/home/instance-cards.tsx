import { Card, Col, Row, Space, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

import { DateText } from '../../components/date-text';
import { EmptyState } from '../../components/empty-state';
import { useLocalize } from '../../components/localized-text';
import { StatusTag } from '../../components/status-tag';
import type { InstanceRow } from '../../types/contract';

/** Instances as large touch-friendly cards (tablet first): title, who filed it, step, status, deadline or 公示 end, last change. */
export function InstanceCards({
  rows,
  empty,
  testId,
  title,
  extra,
}: {
  rows: InstanceRow[];
  empty: string;
  testId: string;
  title: ReactNode;
  extra?: ReactNode;
}) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const navigate = useNavigate();
  return (
    <Card size="small" title={title} extra={extra} data-testid={testId}>
      {rows.length === 0 ? (
        <EmptyState description={empty} />
      ) : (
        <Row gutter={[12, 12]}>
          {rows.map((r) => (
            <Col key={r.id} xs={24} md={12} xxl={8}>
              <Card
                size="small"
                hoverable
                role="link"
                tabIndex={0}
                onClick={() => navigate(`/instances/${r.id}`)}
                onKeyDown={(e) => e.key === 'Enter' && navigate(`/instances/${r.id}`)}
                data-testid="home-instance"
                styles={{ body: { padding: 16 } }}
              >
                <Space direction="vertical" size={6} style={{ width: '100%' }}>
                  <Space style={{ justifyContent: 'space-between', width: '100%' }} align="start">
                    <Typography.Text strong style={{ fontSize: 16 }} data-testid="home-instance-title">
                      {localize(r.title)}
                    </Typography.Text>
                    {r.status === 'running' ? (
                      <Tag color="blue">{localize(r.stateName)}</Tag>
                    ) : (
                      <StatusTag status={r.status} outcome={r.outcome} />
                    )}
                  </Space>
                  {/* Who filed it tells apart cards of one round or cycle (an inspector's schools): as dark as the title. */}
                  <span data-testid="home-instance-requester">
                    <Typography.Text>{r.requesterName}</Typography.Text>
                    <Typography.Text type="secondary"> · {localize(r.definitionName)}</Typography.Text>
                  </span>
                  {r.status === 'running' && r.dueAt && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t(r.dueKind === 'notice' ? 'notice.endsAt' : 'fields.dueAt')}{' '}
                      <DateText value={r.dueAt} overdue={r.overdue} />
                    </Typography.Text>
                  )}
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('fields.updatedAt')} <DateText value={r.updatedAt} />
                  </Typography.Text>
                </Space>
              </Card>
            </Col>
          ))}
        </Row>
      )}
    </Card>
  );
}
