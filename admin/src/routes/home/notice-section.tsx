import { Badge, Button, Card, List, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

import { DateText } from '../../components/date-text';
import { useLocalize } from '../../components/localized-text';
import { RowTitleLink, useRowOpen } from '../../components/row-link';
import { instanceListLink } from '../../lib/instance-link';
import { useRunningNotices } from './use-home-data';

/**
 * 公示中: the notices running now that concern the user, ending soonest first. Not to-dos — a notice waits
 * on nobody and ends by itself — but whoever may object or appeal needs to see until when; a row opens
 * the instance, where the objection or appeal is. Hidden when there is none.
 */
export function NoticeSection() {
  const { t } = useTranslation();
  const localize = useLocalize();
  const navigate = useNavigate();
  const rowOpen = useRowOpen();
  const notices = useRunningNotices();
  const rows = notices.data?.items ?? [];
  if (rows.length === 0) return null;
  return (
    <Card
      size="small"
      data-testid="notice-section"
      title={
        <Space>
          {t('notice.running')}
          <Badge count={rows.length} showZero color="purple" />
        </Space>
      }
      extra={
        <Button
          type="link"
          size="small"
          onClick={() => navigate(instanceListLink({ notice: '1' }, [{ field: 'dueAt', order: 'asc' }]))}
          data-testid="notice-view-all"
        >
          {t('notice.viewAll')}
        </Button>
      }
      style={{ marginBottom: 16 }}
    >
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 4 }}>
        {t('notice.hint')}
      </Typography.Paragraph>
      <List
        dataSource={rows}
        renderItem={(r) => (
          <List.Item {...rowOpen(`/instances/${r.id}`)} data-testid="notice-row">
            <List.Item.Meta
              title={
                <Space wrap size={6}>
                  <RowTitleLink to={`/instances/${r.id}`}>{localize(r.title)}</RowTitleLink>
                  <Tag color="purple" bordered={false}>
                    {localize(r.stateName)}
                  </Tag>
                </Space>
              }
              description={`${r.requesterName} · ${localize(r.definitionName)}`}
            />
            <div style={{ textAlign: 'right' }}>
              <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
                {t('notice.endsAt')}
              </Typography.Text>
              <DateText value={r.dueAt} />
            </div>
          </List.Item>
        )}
      />
    </Card>
  );
}
