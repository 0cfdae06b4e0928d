import type { UseQueryResult } from '@tanstack/react-query';
import { Col, Row, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

import { useLocalize } from '../../../components/localized-text';
import type { OverviewReport } from '../../../types/contract';
import { drillToInstances } from '../drill-links';
import { ReportCard } from '../report-card';
import type { ReportFilters } from '../use-report';
import { ChartCanvas } from './chart-canvas';
import { perRow } from './chart-series';

/** The overview's key for 负担码 tasks (api/src/features/burden/burden-task.ts BURDEN_TASK.key). */
const BURDEN_TASK_KEY = 'burden-report';

/** 待办与逾期: open and overdue tasks, overdue ones split by workflow. */
export function OverdueCard({ report, filters }: { report: UseQueryResult<OverviewReport>; filters: ReportFilters }) {
  const { t, i18n } = useTranslation();
  const localize = useLocalize();
  const navigate = useNavigate();
  const rows = (report.data?.overdueByWorkflow ?? [])
    .filter((r) => r.count > 0)
    .map((r) => ({ workflow: localize(r.name), count: r.count, definitionKey: r.definitionKey }));
  const fmt = new Intl.NumberFormat(i18n.language);
  const overdue = report.data?.overdueTasks ?? 0;
  const open = ({ definitionKey }: { definitionKey: string }) => {
    // 负担码 tasks belong to no instance: their bar opens the inbox, where they are handled (it has no
    // school or period filter to carry). Other bars: that workflow's overdue instances under the dashboard's
    // filters (an instance is overdue when any of its open tasks is, so a 会签 may count twice in the bar).
    navigate(
      definitionKey === BURDEN_TASK_KEY
        ? '/tasks'
        : drillToInstances(filters, { definitionKey, status: 'running', overdue: '1' }),
    );
  };
  return (
    <ReportCard
      title={t('dashboard.tasks')}
      testId="chart-overdue"
      loading={report.isLoading}
      error={report.error}
      empty={false}
      emptyText=""
      onRetry={() => void report.refetch()}
    >
      <Row gutter={16}>
        <Col span={12}>
          <Statistic
            title={t('dashboard.openTasks')}
            value={report.data?.openTasks ?? 0}
            formatter={(v) => fmt.format(Number(v))}
          />
        </Col>
        <Col span={12}>
          <Statistic
            title={t('dashboard.overdueTasks')}
            value={overdue}
            formatter={(v) => fmt.format(Number(v))}
            valueStyle={{ color: overdue ? '#cf1322' : '#389e0d' }}
          />
        </Col>
      </Row>
      {rows.length > 0 ? (
        <ChartCanvas
          kind="bar"
          series={perRow(
            rows,
            (r) => r.workflow,
            (r) => r.count,
            '#cf1322',
            t('dashboard.overdueTasks'),
          )}
          maxBarThickness={20}
          height={Math.max(120, rows.length * 40 + 40)}
          ariaLabel={t('dashboard.overdueTasks')}
          onPick={open}
        />
      ) : (
        <div style={{ marginTop: 16, color: '#389e0d' }}>{t('dashboard.noOverdue')}</div>
      )}
    </ReportCard>
  );
}
