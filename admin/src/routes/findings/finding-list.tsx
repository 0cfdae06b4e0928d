import { getDefaultSortOrder, List } from '@refinedev/antd';
import { Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';

import { DateText } from '../../components/date-text';
import { EmptyState } from '../../components/empty-state';
import { ErrorResult } from '../../components/error-result';
import { ExportButton } from '../../components/export-button';
import { toFilters, useKeysetTable } from '../../hooks/use-keyset-table';
import { LAYER_KEYS } from '../../lib/findings-link';
import { filtersToQuery, sortersToQuery } from '../../providers/data-provider';
import { cachedSession } from '../../providers/session';
import type { FindingRow } from './finding.types';
import { FindingFilters, type FindingFilterValues } from './finding-filters';
import { DeadlineCell, FindingStatusTag, SeverityTag } from './finding-tags';

/** Roles that see findings of more than one school, so a school filter means something to them. */
const MANY_SCHOOLS = new Set(['bureauAdmin', 'bureauReviewer', 'auditor', 'inspector', 'groupLead']);

/**
 * 整改问题: every security-inspection finding the user may read (the API scopes the rows), filtered and
 * sorted on the server, keyset-paged; a row opens its inspection.
 */
export function FindingList() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const showSchool = cachedSession()?.me.roles.some((r) => MANY_SCHOOLS.has(r.role)) ?? true;
  const { tableProps, tableQuery, pager, searchFormProps, filters, sorters } = useKeysetTable<
    FindingRow,
    FindingFilterValues
  >({
    resource: 'findings',
    filters: { defaultBehavior: 'replace' },
    // The API's default: earliest deadline first, so what is about to be late leads.
    sorters: { initial: [{ field: 'dueAt', order: 'asc' }] },
    onSearch: (values) => toFilters(values),
  });
  const layerLabel = (layer: string) => (LAYER_KEYS[layer] ? t(`dashboard.layers.${LAYER_KEYS[layer]}`) : layer);
  return (
    <List
      title={t('findings.title')}
      breadcrumb={false}
      headerButtons={
        <ExportButton
          list="findings"
          query={{ ...filtersToQuery(filters), ...sortersToQuery(sorters) }}
          fileName={t('findings.title')}
        />
      }
    >
      <FindingFilters formProps={searchFormProps} showSchool={showSchool} />
      {tableQuery.isError ? (
        <ErrorResult error={tableQuery.error} onRetry={() => void tableQuery.refetch()} />
      ) : (
        <Table<FindingRow>
          {...tableProps}
          rowKey="id"
          scroll={{ x: 1480 }}
          onRow={(row) => ({
            onClick: (e) =>
              !(e.target instanceof Element && e.target.closest('a')) && navigate(`/instances/${row.instanceId}`),
            style: { cursor: 'pointer' },
          })}
          locale={{ emptyText: <EmptyState description={t('findings.empty')} /> }}
          columns={[
            { key: 'school', title: t('findings.school'), dataIndex: 'schoolName', width: 150 },
            { key: 'round', title: t('findings.round'), dataIndex: 'round', width: 150 },
            {
              key: 'item',
              title: t('findings.item'),
              width: 260,
              render: (_, r) => (
                <span>
                  <Typography.Text code>{r.itemCode}</Typography.Text> {r.title}
                </span>
              ),
            },
            { key: 'layer', title: t('findings.layer'), width: 100, render: (_, r) => layerLabel(r.layer) },
            {
              key: 'severity',
              dataIndex: 'severity',
              // The API sorts by weight (low › medium › high ascending), not by the words.
              sorter: true,
              sortOrder: getDefaultSortOrder('severity', sorters),
              title: t('findings.severityLabel'),
              width: 110,
              render: (_, r) => <SeverityTag severity={r.severity} />,
            },
            {
              key: 'status',
              title: t('findings.status'),
              width: 110,
              render: (_, r) => <FindingStatusTag row={r} />,
            },
            // Sortable only where the API sorts (GET /findings?sort=): dueAt, createdAt and severity.
            {
              key: 'dueAt',
              dataIndex: 'dueAt',
              sorter: true,
              sortOrder: getDefaultSortOrder('dueAt', sorters),
              title: t('findings.dueAt'),
              width: 220,
              render: (_, r) => <DeadlineCell row={r} />,
            },
            {
              key: 'flags',
              title: t('findings.flags'),
              width: 150,
              render: (_, r) => (
                <Space size={4} wrap>
                  {r.repeat && (
                    <Tag color="purple" data-testid="finding-repeat">
                      {t('findings.repeat')}
                    </Tag>
                  )}
                  {r.offlineOrdered && (
                    <Tag color="magenta" data-testid="finding-offline">
                      {t('findings.offline')}
                    </Tag>
                  )}
                </Space>
              ),
            },
            {
              key: 'createdAt',
              dataIndex: 'createdAt',
              sorter: true,
              sortOrder: getDefaultSortOrder('createdAt', sorters),
              title: t('findings.createdAt'),
              width: 150,
              render: (_, r) => <DateText value={r.createdAt} />,
            },
            {
              key: 'inspection',
              title: t('findings.inspection'),
              width: 130,
              // Kept in view while the wide table scrolls sideways on a laptop screen.
              fixed: 'right',
              render: (_, r) => (
                <Link to={`/instances/${r.instanceId}`} data-testid="finding-inspection-link">
                  {t('findings.openInspection')}
                </Link>
              ),
            },
          ]}
        />
      )}
      {pager}
    </List>
  );
}
