import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

import { drillToInstances } from '../drill-links';
import { PeriodPicker } from '../period-picker';
import { ReportCard } from '../report-card';
import { type ReportFilters, useReport } from '../use-report';
import { ChartCanvas } from './chart-canvas';
import { bySeries } from './chart-series';

/** 集团考核排名: bundled-assessment scores by group, best first; a click opens that group's assessments (in the dashboard's period). */
export function RankingChart({ filters }: { filters: ReportFilters }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  // No cycle chosen: the API shows the latest, and says which (report.cycle).
  const [cycle, setCycle] = useState<string>();
  const report = useReport('/reports/bundled-assessment', filters, { cycle });
  // Groups not yet scored in this cycle have no score: they are left out of the ranking, not drawn as 0.
  const rows = (report.data?.ranking ?? [])
    .flatMap((r) => (typeof r.score === 'number' ? [{ ...r, score: r.score }] : []))
    .sort((a, b) => b.score - a.score)
    .map((r) => ({
      ...r,
      grade: r.grade ? t(`dashboard.grades.${r.grade}`, { defaultValue: r.grade }) : t('dashboard.ungraded'),
    }));
  // The clicked group is the organisation (it overrides a dashboard school or group).
  // One bar per group, coloured (and listed in the legend) by grade.
  const series = bySeries(
    rows,
    (r) => r.groupName,
    (r) => r.grade,
    (r) => r.score,
  );
  return (
    <ReportCard
      title={t('dashboard.ranking')}
      testId="chart-ranking"
      loading={report.isLoading}
      error={report.error}
      empty={rows.length === 0}
      emptyText={t('dashboard.noRanking')}
      onRetry={() => void report.refetch()}
      extra={
        <PeriodPicker
          label={t('dashboard.cycle')}
          testId="ranking-cycle"
          periods={report.data?.cycles}
          shown={report.data?.cycle}
          onChange={setCycle}
        />
      }
    >
      <ChartCanvas
        kind="bar"
        series={series}
        stacked
        legend="top"
        maxBarThickness={18}
        valueLabel={(score) => score.toFixed(1)}
        height={Math.max(200, rows.length * 26 + 60)}
        ariaLabel={t('dashboard.ranking')}
        onPick={(r) => navigate(drillToInstances(filters, { block: 'groupRollUp', orgId: r.groupId }))}
      />
    </ReportCard>
  );
}
