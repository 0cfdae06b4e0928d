import { CheckOutlined } from '@ant-design/icons';
import { List } from '@refinedev/antd';
import { useQueryClient } from '@tanstack/react-query';
import { App, Badge, Button, Form, Segmented, Select, Space, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { api, call } from '../../api/client';
import { DateText } from '../../components/date-text';
import { EmptyState } from '../../components/empty-state';
import { ErrorResult } from '../../components/error-result';
import { useLocalize } from '../../components/localized-text';
import { ResponsiveTable } from '../../components/responsive-table/responsive-table';
import { RuleReasons } from '../../components/rule-reasons';
import { useKeysetTable } from '../../hooks/use-keyset-table';
import { isApiError } from '../../providers/http';
import type { NotificationKind, NotificationRow } from '../../types/contract';
import { KIND_COLORS, NOTIFICATION_KINDS } from './notification-kinds';
import { useOpenNotification } from './use-open-notification';
import { useUnreadNotifications } from './use-unread-notifications';

/** 消息中心: all of my notifications, newest first, filtered by read state and kind; open, mark one or all read. */
export function NotificationList() {
  const { t } = useTranslation();
  const localize = useLocalize();
  const { message } = App.useApp();
  const client = useQueryClient();
  const unread = useUnreadNotifications();
  const [marking, setMarking] = useState(false);
  const { tableProps, tableQuery, pager, filters, setFilters } = useKeysetTable<NotificationRow>({
    resource: 'inbox',
    meta: { path: '/notifications' },
    filters: { defaultBehavior: 'replace' },
  });
  const value = (field: string) => {
    const f = filters.find((x) => 'field' in x && x.field === field);
    return f && 'value' in f ? (f.value as string | undefined) : undefined;
  };
  const show = value('unread') === '1' ? 'unread' : 'all';
  const kind = value('kind');
  const apply = (next: { unread?: string; kind?: string }) => {
    const merged = { unread: show === 'unread' ? '1' : undefined, kind, ...next };
    setFilters(
      Object.entries(merged)
        .filter(([, v]) => v)
        .map(([field, v]) => ({ field, operator: 'eq' as const, value: v })),
      'replace',
    );
  };
  const refresh = () => void tableQuery.refetch();
  const { open, markRead } = useOpenNotification(refresh);

  const readAll = async () => {
    setMarking(true);
    try {
      const res = await call(api.POST('/api/notifications/read-all'));
      void message.success(t('inbox.markedAll', { count: res.marked }));
      void client.invalidateQueries({ queryKey: ['notifications'] });
      refresh();
    } catch (e) {
      void message.error(isApiError(e) ? e.message : t('errors.generic'));
    } finally {
      setMarking(false);
    }
  };
  const hasUnread = (unread.data?.items.length ?? 0) > 0;

  return (
    <List
      title={t('inbox.title')}
      breadcrumb={false}
      headerButtons={
        <Button
          icon={<CheckOutlined />}
          onClick={() => void readAll()}
          loading={marking}
          disabled={!hasUnread}
          data-testid="read-all"
        >
          {t('inbox.readAll')}
        </Button>
      }
    >
      <Form layout="inline" style={{ marginBottom: 16, rowGap: 8 }}>
        <Form.Item label={t('inbox.show')}>
          <Segmented
            data-testid="inbox-show"
            value={show}
            onChange={(v) => apply({ unread: v === 'unread' ? '1' : undefined })}
            options={[
              { value: 'all', label: t('inbox.all') },
              { value: 'unread', label: t('inbox.unread') },
            ]}
          />
        </Form.Item>
        <Form.Item label={t('inbox.kind')}>
          <Select
            data-testid="inbox-kind"
            aria-label={t('inbox.kind')}
            allowClear
            style={{ width: 160 }}
            placeholder={t('inbox.allKinds')}
            value={kind}
            onChange={(v?: string) => apply({ kind: v })}
            options={NOTIFICATION_KINDS.map((k) => ({ value: k, label: t(`notices.kinds.${k}`) }))}
          />
        </Form.Item>
      </Form>
      {tableQuery.isError ? (
        <ErrorResult error={tableQuery.error} onRetry={refresh} />
      ) : (
        <ResponsiveTable<NotificationRow>
          {...tableProps}
          rowKey="id"
          size="middle"
          data-testid="inbox-table"
          scroll={{ x: 720 }}
          locale={{
            emptyText: <EmptyState description={show === 'unread' ? t('inbox.emptyUnread') : t('inbox.empty')} />,
          }}
          columns={[
            {
              title: t('inbox.status'),
              dataIndex: 'readAt',
              width: 90,
              render: (readAt: string | null, n) =>
                n.resolvedAt ? (
                  <Tooltip title={t('noticeState.resolvedHint')}>
                    <Badge status="success" text={t('noticeState.resolved')} data-testid="inbox-resolved" />
                  </Tooltip>
                ) : readAt ? (
                  <Badge status="default" text={t('inbox.read')} />
                ) : (
                  <Badge status="processing" text={t('inbox.unreadOne')} />
                ),
            },
            {
              title: t('inbox.kind'),
              dataIndex: 'kind',
              width: 110,
              render: (k: NotificationKind) => (
                <Tag color={KIND_COLORS[k]} bordered={false}>
                  {t(`notices.kinds.${k}`, { defaultValue: k })}
                </Tag>
              ),
            },
            {
              title: t('inbox.content'),
              dataIndex: 'title',
              card: 'title',
              render: (_: unknown, n) => (
                <Space direction="vertical" size={2}>
                  <Typography.Link onClick={() => void open(n)} strong={!n.readAt} data-testid="inbox-open">
                    {localize(n.title)}
                  </Typography.Link>
                  {n.detail && (
                    <Typography.Text type="secondary" data-testid="inbox-detail">
                      {localize(n.detail)}
                    </Typography.Text>
                  )}
                  {!!n.reasons?.length && <RuleReasons reasons={n.reasons} testId="inbox-reasons" />}
                </Space>
              ),
            },
            { title: t('inbox.at'), dataIndex: 'createdAt', width: 170, render: (v: string) => <DateText value={v} /> },
            {
              title: t('inbox.actions'),
              key: 'actions',
              width: 120,
              render: (_: unknown, n) =>
                n.readAt ? null : (
                  <Button size="small" type="link" onClick={() => void markRead(n)} data-testid="inbox-mark-read">
                    {t('inbox.markRead')}
                  </Button>
                ),
            },
          ]}
        />
      )}
      {pager}
    </List>
  );
}
