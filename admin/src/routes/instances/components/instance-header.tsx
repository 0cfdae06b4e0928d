import { Breadcrumb, Card, Descriptions, Grid, Space, Tag, Typography } from 'antd';
import { type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';

import { DateText } from '../../../components/date-text';
import { useLocalize } from '../../../components/localized-text';
import { StatusTag } from '../../../components/status-tag';
import type { InstanceView } from '../../../types/contract';

/** The instance's title, who filed it and in which workflow, its place in the tree, current state and status. */
export function InstanceHeader({ view, extra }: { view: InstanceView; extra?: ReactNode }) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const nextDue = view.openTasks
    .map((task) => task.dueAt)
    .filter((d): d is string => !!d)
    .sort()[0];
  const overdue = !!nextDue && new Date(nextDue).getTime() < Date.now();
  // Below lg the menu becomes a floating button over the content's top-left corner: keep clear of it.
  const narrow = Grid.useBreakpoint().lg === false;
  const pageTitle = `${localize(view.title)} · ${view.requester.name}`;
  // The browser tab and history name the instance, not the bureau (the route handler set the section's name).
  useEffect(() => {
    document.title = `${pageTitle} | ${t('app.brand')}`;
  }, [pageTitle, t]);
  return (
    <Card
      style={{ marginBottom: 16 }}
      styles={{ body: narrow ? { paddingInlineStart: 52 } : undefined }}
      data-testid="instance-header"
    >
      <Space direction="vertical" size={4} style={{ width: '100%' }}>
        {/* A request about the whole district has no place below it worth a breadcrumb: its requester says who filed it. */}
        {view.subject.path.length > 1 && <Breadcrumb items={view.subject.path.map((p) => ({ title: p.name }))} />}
        <Space align="center" wrap style={{ justifyContent: 'space-between', width: '100%' }}>
          <Space align="center" wrap>
            <Typography.Title level={4} style={{ margin: 0 }} data-testid="instance-title">
              {localize(view.title)}
            </Typography.Title>
            <Tag color={view.status === 'running' ? 'blue' : 'default'} data-testid="current-state">
              {localize(view.stateName)}
            </Tag>
            <StatusTag status={view.status} outcome={view.outcome} />
          </Space>
          {extra}
        </Space>
        <Typography.Text type="secondary" data-testid="instance-requester">
          {view.requester.name} · {localize(view.definition.name)}
        </Typography.Text>
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 4 }} style={{ marginTop: 8 }}>
          <Descriptions.Item label={t('fields.createdBy')}>{view.createdBy.displayName}</Descriptions.Item>
          <Descriptions.Item label={t('fields.createdAt')}>
            <DateText value={view.createdAt} />
          </Descriptions.Item>
          <Descriptions.Item label={t('fields.updatedAt')}>
            <DateText value={view.updatedAt} />
          </Descriptions.Item>
          {view.notice ? (
            // A 公示 has no task: its end is the deadline people look for, never overdue.
            <Descriptions.Item label={t('notice.endsAt')}>
              <Space size={6} wrap data-testid="notice-ends">
                <DateText value={view.notice.endsAt} />
                <Tag color="purple" bordered={false}>
                  {view.notice.workdaysLeft > 0
                    ? t('notice.daysLeft', { count: view.notice.workdaysLeft })
                    : t('notice.lastDay')}
                </Tag>
              </Space>
            </Descriptions.Item>
          ) : (
            <Descriptions.Item label={t('fields.dueAt')}>
              <DateText value={nextDue} overdue={overdue} />
            </Descriptions.Item>
          )}
        </Descriptions>
      </Space>
    </Card>
  );
}
