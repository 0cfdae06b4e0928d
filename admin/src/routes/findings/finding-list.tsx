import { getDefaultSortOrder, List } from '@refinedev/antd';
import { Grid, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { DateText } from '../../components/date-text';
import { EmptyState } from '../../components/empty-state';
import { ErrorResult } from '../../components/error-result';
import { ExportButton } from '../../components/export-button';
import { ResponsiveTable } from '../../components/responsive-table/responsive-table';
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
  // From xl every column; on a tablet the ones that decide the work (风险等级, 整改状态, 办理时限) stay in view.
  const wide = Grid.useBreakpoint().xl !== false;
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
        <ResponsiveTable<FindingRow>
          {...tableProps}
          rowKey="id"
          data-testid="finding-table"
          // Wide enough for every column from xl up; below it the table keeps the columns that decide the work.
          scroll={wide ? { x: 1480 } : undefined}
          rowHref={(row) => `/instances/${row.instanceId}`}
          locale={{ emptyText: <EmptyState description={t('findings.empty')} /> }}
          columns={[
            {
              key: 'school',
              title: t('findings.school'),
              dataIndex: 'schoolName',
              width: wide ? 150 : 136,
              // The round has no column of its own below xl: it goes under the school.
              render: (name: string, r) =>
                wide ? (
                  name
                ) : (
                  <Space direction="vertical" size={0}>
                    {name}
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {r.round}
                    </Typography.Text>
                  </Space>
                ),
            },
            { key: 'round', title: t('findings.round'), dataIndex: 'round', width: 150, responsive: ['xl'] },
            {
              key: 'item',
              title: t('findings.item'),
              card: 'title',
              width: wide ? 260 : undefined,
              // Below xl the item is the row's link (the 检查记录 column is gone) and carries its flags.
              render: (_, r) => (
                <Space direction="vertical" size={2}>
                  <span>
                    <Typography.Text code>{r.itemCode}</Typography.Text>{' '}
                    {wide ? r.title : <Link to={`/instances/${r.instanceId}`}>{r.title}</Link>}
                  </span>
                  {!wide && <FindingFlags row={r} />}
                </Space>
              ),
            },
            {
              key: 'layer',
              title: t('findings.layer'),
              width: 100,
              responsive: ['xl'],
              render: (_, r) => layerLabel(r.layer),
            },
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
              width: wide ? 110 : 96,
              render: (_, r) => <FindingStatusTag row={r} />,
            },
            // Sortable only where the API sorts (GET /findings?sort=): dueAt, createdAt and severity.
            {
              key: 'dueAt',
              dataIndex: 'dueAt',
              sorter: true,
              sortOrder: getDefaultSortOrder('dueAt', sorters),
              title: t('findings.dueAt'),
              width: wide ? 220 : 150,
              render: (_, r) => <DeadlineCell row={r} />,
            },
            {
              key: 'flags',
              title: t('findings.flags'),
              width: 150,
              responsive: ['xl'],
              render: (_, r) => <FindingFlags row={r} />,
            },
            {
              key: 'createdAt',
              dataIndex: 'createdAt',
              sorter: true,
              sortOrder: getDefaultSortOrder('createdAt', sorters),
              title: t('findings.createdAt'),
              width: 150,
              responsive: ['xl'],
              render: (_, r) => <DateText value={r.createdAt} />,
            },
            {
              key: 'inspection',
              title: t('findings.inspection'),
              width: 130,
              responsive: ['xl'],
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

/** 重复问题 / 责令下线: what marks a finding out beyond its severity. */
function FindingFlags({ row }: { row: FindingRow }) {
  const { t } = useTranslation();
  if (!row.repeat && !row.offlineOrdered) return null;
  return (
    <Space size={4} wrap>
      {row.repeat && (
        <Tag color="purple" data-testid="finding-repeat">
          {t('findings.repeat')}
        </Tag>
      )}
      {row.offlineOrdered && (
        <Tag color="magenta" data-testid="finding-offline">
          {t('findings.offline')}
        </Tag>
      )}
    </Space>
  );
}
