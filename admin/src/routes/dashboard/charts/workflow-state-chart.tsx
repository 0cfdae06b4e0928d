import type { UseQueryResult } from '@tanstack/react-query';
import { Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

import { useLocalize } from '../../../components/localized-text';
import type { OverviewReport } from '../../../types/contract';
import { drillToInstances } from '../drill-links';
import { ReportCard } from '../report-card';
import type { ReportFilters } from '../use-report';
import { ChartCanvas } from './chart-canvas';
import { bySeries } from './chart-series';

type Row = { workflow: string; state: string; count: number; definitionKey: string; stateId: string };

/** 各流程在办情况: instances per workflow stacked by state; a click opens that slice of the instance list. */
export function WorkflowStateChart({
  report,
  filters,
}: {
  report: UseQueryResult<OverviewReport>;
  filters: ReportFilters;
}) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const navigate = useNavigate();
  const rows: Row[] = (report.data?.byWorkflow ?? []).flatMap((w) =>
    w.byState
      .filter((s) => s.count > 0)
      .map((s) => ({
        workflow: localize(w.name),
        state: localize(s.stateName),
        count: s.count,
        definitionKey: w.definitionKey,
        stateId: s.state,
      })),
  );
  const link = (r: Pick<Row, 'definitionKey' | 'stateId'>) =>
    drillToInstances(filters, { definitionKey: r.definitionKey, state: r.stateId });
  const open = (r: Pick<Row, 'definitionKey' | 'stateId'>) => navigate(link(r));
  const series = bySeries(
    rows,
    (r) => r.workflow,
    (r) => r.state,
    (r) => r.count,
  );
  return (
    <ReportCard
      title={t('dashboard.byWorkflow')}
      testId="chart-by-workflow"
      loading={report.isLoading}
      error={report.error}
      empty={rows.length === 0}
      emptyText={t('dashboard.noInstances')}
      onRetry={() => void report.refetch()}
    >
      <ChartCanvas
        kind="bar"
        series={series}
        stacked
        legend="top"
        maxBarThickness={36}
        height={Math.max(180, series.labels.length * 64 + 80)}
        ariaLabel={t('dashboard.byWorkflow')}
        onPick={open}
      />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('dashboard.clickHint')}
      </Typography.Text>
      <Space size={[6, 6]} wrap style={{ marginTop: 8, display: 'flex' }} data-testid="workflow-state-links">
        {rows.map((r) => (
          <Tag key={`${r.definitionKey}/${r.stateId}`} color="blue" bordered={false} style={{ cursor: 'pointer' }}>
            <a
              href={link(r)}
              onClick={(e) => {
                e.preventDefault();
                open(r);
              }}
            >
              {r.workflow} · {r.state} {r.count}
            </a>
          </Tag>
        ))}
      </Space>
    </ReportCard>
  );
}
