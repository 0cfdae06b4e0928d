import {
  AuditOutlined,
  DiffOutlined,
  DownloadOutlined,
  EditOutlined,
  EyeOutlined,
  PlusOutlined,
  SwapOutlined,
} from '@ant-design/icons';
import { List } from '@refinedev/antd';
import { useCan, useList } from '@refinedev/core';
import { Button, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

import { DateText } from '../../components/date-text';
import { EmptyState } from '../../components/empty-state';
import { ErrorResult } from '../../components/error-result';
import { useLocalize } from '../../components/localized-text';
import { designerApi } from '../../designer/api';
import type { DefinitionSummary } from '../../types/contract';

type StatusFilter = 'all' | 'published' | 'draft';

/** 流程定义: the workflow definitions and their versions, with the designer, diff and migration one click away. */
export function DefinitionList() {
  const { t } = useTranslation();
  const localize = useLocalize();
  const navigate = useNavigate();
  const [status, setStatus] = useState<StatusFilter>('all');
  const { data: canCreate } = useCan({ resource: 'definitions', action: 'create' });
  // A bureau reviewer approves drafts (四眼原则): their way into a draft is 审核.
  const { data: canPublish } = useCan({ resource: 'definitions', action: 'publish' });
  const openLabel = (d: DefinitionSummary) =>
    d.status === 'draft' && canCreate?.can
      ? { icon: <EditOutlined />, text: t('designer.list.design') }
      : d.status === 'draft' && canPublish?.can
        ? { icon: <AuditOutlined />, text: t('fourEyes.review') }
        : { icon: <EyeOutlined />, text: t('designer.list.view') };
  const { result, query } = useList<DefinitionSummary>({
    resource: 'definitions',
    pagination: { mode: 'off' },
    filters: status === 'all' ? [] : [{ field: 'status', operator: 'eq', value: status }],
  });
  if (query.isError) return <ErrorResult error={query.error} onRetry={() => void query.refetch()} />;
  return (
    <List
      title={t('definitions.title')}
      breadcrumb={false}
      headerButtons={
        <Space>
          <Segmented<StatusFilter>
            value={status}
            onChange={setStatus}
            options={(['all', 'published', 'draft'] as const).map((v) => ({
              value: v,
              label: t(`definitions.filter.${v}`),
            }))}
          />
          {canCreate?.can && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => navigate('/definitions/new')}
              data-testid="definition-new"
            >
              {t('designer.list.new')}
            </Button>
          )}
        </Space>
      }
    >
      <Table<DefinitionSummary>
        rowKey="id"
        loading={query.isLoading}
        dataSource={result.data ?? []}
        pagination={false}
        locale={{ emptyText: <EmptyState description={t('definitions.empty')} /> }}
        columns={[
          {
            key: 'name',
            title: t('definitions.name'),
            render: (_, d) => <Typography.Text strong>{localize(d.name)}</Typography.Text>,
          },
          {
            key: 'key',
            title: t('definitions.key'),
            render: (_, d) => <Typography.Text code>{d.key}</Typography.Text>,
          },
          { key: 'version', title: t('definitions.version'), render: (_, d) => `v${d.version}` },
          { key: 'subject', title: t('definitions.subject'), render: (_, d) => t(`definitions.subjects.${d.subject}`) },
          {
            key: 'status',
            title: t('fields.status'),
            render: (_, d) => (
              <Tag color={d.status === 'published' ? 'success' : 'default'}>{t(`definitions.filter.${d.status}`)}</Tag>
            ),
          },
          {
            key: 'publishedAt',
            title: t('definitions.publishedAt'),
            render: (_, d) => <DateText value={d.publishedAt} />,
          },
          {
            key: 'actions',
            title: t('designer.list.actions'),
            render: (_, d) => (
              <Space size={0} wrap>
                <Button
                  type="link"
                  size="small"
                  icon={openLabel(d).icon}
                  onClick={() => navigate(`/definitions/${d.id}/design`)}
                  data-testid={`definition-design-${d.key}-v${d.version}`}
                >
                  {openLabel(d).text}
                </Button>
                <Button
                  type="link"
                  size="small"
                  icon={<DiffOutlined />}
                  onClick={() => navigate(`/definitions/${d.id}/diff`)}
                >
                  {t('designer.list.diff')}
                </Button>
                {canCreate?.can && d.status === 'published' && d.version > 1 && (
                  <Button
                    type="link"
                    size="small"
                    icon={<SwapOutlined />}
                    onClick={() => navigate(`/definitions/${d.id}/migrate`)}
                  >
                    {t('designer.list.migrate')}
                  </Button>
                )}
                <Button type="link" size="small" icon={<DownloadOutlined />} href={designerApi.exportUrl(d.id)}>
                  {t('designer.list.export')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
    </List>
  );
}
