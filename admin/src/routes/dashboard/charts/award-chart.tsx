import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

import { useLocalize } from '../../../components/localized-text';
import { drillToInstances } from '../drill-links';
import { toPairs } from '../normalize';
import { ReportCard } from '../report-card';
import { type ReportFilters, useReport } from '../use-report';
import { ChartCanvas } from './chart-canvas';
import { PALETTE, perRow } from './chart-series';

/** 教学成果奖: award results per level (特等/一等/二等…); a click opens the award instances. */
export function AwardChart({ filters }: { filters: ReportFilters }) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const navigate = useNavigate();
  const report = useReport('/reports/teaching-award', filters);
  const rows = toPairs(report.data?.byLevel)
    .filter((p) => p.count > 0)
    .map((p) => ({
      level: t(`dashboard.levels.${p.key}`, { defaultValue: localize(p.label) || p.key }),
      count: p.count,
    }));
  // GET /instances cannot filter by an award's level (it lives in the instance's form data) nor by several
  // states at once, so a slice opens the most specific list there is: the award requests under the
  // dashboard's school/group and period. Any slice opens the same list. Without a dashboard period it
  // takes the report's own year (the API counts awards of one calendar year, by creation date).
  const year = report.data?.year;
  const period = year && !filters.from && !filters.to ? { from: `${year}-01-01`, to: `${year}-12-31` } : {};
  // Each slice's legend entry carries its count (the slices had outside labels "level count").
  const series = perRow(
    rows,
    (r) => `${r.level} ${r.count}`,
    (r) => r.count,
    (_, i) => PALETTE[i % PALETTE.length]!,
  );
  return (
    <ReportCard
      title={t('dashboard.awards')}
      testId="chart-awards"
      loading={report.isLoading}
      error={report.error}
      empty={rows.length === 0}
      emptyText={t('dashboard.noAwards')}
      onRetry={() => void report.refetch()}
    >
      <ChartCanvas
        kind="doughnut"
        series={series}
        legend="bottom"
        height={240}
        ariaLabel={t('dashboard.awards')}
        onPick={() => navigate(drillToInstances({ ...filters, ...period }, { block: 'levelByQuota' }))}
      />
    </ReportCard>
  );
}
