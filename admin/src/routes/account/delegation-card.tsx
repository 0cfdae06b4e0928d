import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Divider, Popconfirm, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

import { api, call } from '../../api/client';
import { DateText } from '../../components/date-text';
import { EmptyState } from '../../components/empty-state';
import { ErrorResult } from '../../components/error-result';
import { isApiError } from '../../providers/http';
import { DelegationForm } from './delegation-form';
import { type Delegation, delegationStatus } from './delegation-types';

const STATUS_COLORS = { active: 'green', pending: 'blue', ended: 'default', revoked: 'default' } as const;

/**
 * 代岗委托: a principal on leave hands their own duties to an acting principal for a window. Lists what
 * I gave and what I hold; only the giver may end one early (the API says the same).
 */
export function DelegationCard({ meId, canCreate }: { meId: string; canCreate: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const query = useQuery({ queryKey: ['delegations'], queryFn: () => call(api.GET('/api/delegations')) });
  const refresh = () => void client.invalidateQueries({ queryKey: ['delegations'] });

  const revoke = async (d: Delegation) => {
    try {
      await call(api.POST('/api/delegations/{id}/revoke', { params: { path: { id: d.id } } }));
      void message.success(t('delegationCard.revoked', { name: d.to.displayName }));
    } catch (e) {
      void message.error(isApiError(e) ? e.message : t('errors.generic'));
    } finally {
      refresh();
    }
  };

  return (
    <Card title={t('delegationCard.title')} data-testid="delegation-card">
      <Typography.Paragraph type="secondary">{t('delegationCard.intro')}</Typography.Paragraph>
      {canCreate && <DelegationForm meId={meId} onCreated={refresh} />}
      {canCreate && <Divider />}
      <Typography.Title level={5}>{t('delegationCard.listTitle')}</Typography.Title>
      {query.isError ? (
        <ErrorResult error={query.error} onRetry={refresh} />
      ) : (
        <Table<Delegation>
          rowKey="id"
          size="small"
          loading={query.isLoading}
          dataSource={query.data?.items ?? []}
          pagination={false}
          scroll={{ x: 720 }}
          data-testid="delegation-table"
          locale={{ emptyText: <EmptyState description={t('delegationCard.empty')} /> }}
          columns={[
            {
              title: t('delegationCard.direction'),
              key: 'direction',
              width: 120,
              render: (_: unknown, d) =>
                d.from.id === meId ? (
                  <Tag color="geekblue">{t('delegationCard.given')}</Tag>
                ) : (
                  <Tag color="purple">{t('delegationCard.received')}</Tag>
                ),
            },
            {
              title: t('delegationCard.counterpart'),
              key: 'who',
              render: (_: unknown, d) => (d.from.id === meId ? d.to.displayName : d.from.displayName),
            },
            {
              title: t('delegationCard.window'),
              key: 'window',
              render: (_: unknown, d) => (
                <span>
                  <DateText value={d.startsAt} format="YYYY-MM-DD" /> ~{' '}
                  <DateText value={d.endsAt} format="YYYY-MM-DD" />
                </span>
              ),
            },
            { title: t('delegationCard.reason'), dataIndex: 'reason', ellipsis: true },
            {
              title: t('delegationCard.status'),
              key: 'status',
              width: 100,
              render: (_: unknown, d) => {
                const s = delegationStatus(d);
                return <Tag color={STATUS_COLORS[s]}>{t(`delegationCard.statuses.${s}`)}</Tag>;
              },
            },
            {
              title: t('delegationCard.actions'),
              key: 'actions',
              width: 100,
              render: (_: unknown, d) => {
                const s = delegationStatus(d);
                if (d.from.id !== meId || s === 'revoked' || s === 'ended') return null;
                return (
                  <Popconfirm
                    title={t('delegationCard.revokeConfirm', { name: d.to.displayName })}
                    okText={t('delegationCard.revoke')}
                    cancelText={t('common.cancel')}
                    okButtonProps={{ danger: true }}
                    onConfirm={() => revoke(d)}
                  >
                    <Button size="small" danger type="link" data-testid="delegation-revoke">
                      {t('delegationCard.revoke')}
                    </Button>
                  </Popconfirm>
                );
              },
            },
          ]}
        />
      )}
    </Card>
  );
}
