import { List } from '@refinedev/antd';
import { Segmented, Table, Tag, Typography } from 'antd';
import { useList } from '@refinedev/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocalize } from '../../components/localized-text';
import { DateText } from '../../components/date-text';
import { EmptyState } from '../../components/empty-state';
import { ErrorResult } from '../../components/error-result';
import type { DefinitionSummary } from '../../types/contract';

type StatusFilter = 'all' | 'published' | 'draft';

/** 流程定义: the workflow definitions and their versions (the designer comes in a later issue). */
export function DefinitionList() {
  const { t } = useTranslation();
  const localize = useLocalize();
  const [status, setStatus] = useState<StatusFilter>('all');
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
        <Segmented<StatusFilter>
          value={status}
          onChange={setStatus}
          options={(['all', 'published', 'draft'] as const).map((v) => ({ value: v, label: t(`definitions.filter.${v}`) }))}
        />
      }
    >
      <Table<DefinitionSummary>
        rowKey="id"
        loading={query.isLoading}
        dataSource={result.data ?? []}
        pagination={false}
        locale={{ emptyText: <EmptyState description={t('definitions.empty')} /> }}
        columns={[
          { key: 'name', title: t('definitions.name'), render: (_, d) => <Typography.Text strong>{localize(d.name)}</Typography.Text> },
          { key: 'key', title: t('definitions.key'), render: (_, d) => <Typography.Text code>{d.key}</Typography.Text> },
          { key: 'version', title: t('definitions.version'), render: (_, d) => `v${d.version}` },
          { key: 'subject', title: t('definitions.subject'), render: (_, d) => t(`definitions.subjects.${d.subject}`) },
          {
            key: 'status',
            title: t('fields.status'),
            render: (_, d) => <Tag color={d.status === 'published' ? 'success' : 'default'}>{t(`definitions.filter.${d.status}`)}</Tag>,
          },
          { key: 'publishedAt', title: t('definitions.publishedAt'), render: (_, d) => <DateText value={d.publishedAt} /> },
        ]}
      />
    </List>
  );
}
