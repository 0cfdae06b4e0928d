import { Bar } from '@ant-design/plots';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ReportCard } from '../report-card';
import { str, useChartClick } from '../chart-click';
import { drillToInstances } from '../drill-links';
import { useReport, type ReportFilters } from '../use-report';

type Ranking = { ranking?: Array<{ groupId: string; groupName: string; score: number | null; grade?: string | null; rank?: number | null; weakest?: string }> };

/** 集团考核排名: bundled-assessment scores by group, best first; a click opens that group's assessments (in the dashboard's period). */
export function RankingChart({ filters }: { filters: ReportFilters }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const report = useReport<Ranking>('/reports/bundled-assessment', filters);
  // Groups not yet scored in this cycle have no score: they are left out of the ranking, not drawn as 0.
  const rows = (report.data?.ranking ?? [])
    .flatMap((r) => (typeof r.score === 'number' ? [{ ...r, score: r.score }] : []))
    .sort((a, b) => b.score - a.score)
    .map((r) => ({ ...r, grade: r.grade ? t(`dashboard.grades.${r.grade}`, { defaultValue: r.grade }) : t('dashboard.ungraded') }));
  // The clicked group is the organisation (it overrides a dashboard school or group).
  const onEvent = useChartClick((d) => {
    const groupId = str(d, 'groupId');
    if (groupId) navigate(drillToInstances(filters, { block: 'groupRollUp', orgId: groupId }));
  });
  return (
    <ReportCard
      title={t('dashboard.ranking')}
      testId="chart-ranking"
      loading={report.isLoading}
      error={report.error}
      empty={rows.length === 0}
      emptyText={t('dashboard.noRanking')}
      onRetry={() => void report.refetch()}
    >
      <Bar
        data={rows}
        xField="groupName"
        yField="score"
        colorField="grade"
        height={Math.max(200, rows.length * 26 + 60)}
        axis={{ x: { title: false }, y: { title: false } }}
        label={{ text: (d: { score: number }) => d.score.toFixed(1), position: 'right', style: { fontSize: 11 } }}
        legend={{ color: { position: 'top', layout: { justifyContent: 'flex-start' } } }}
        style={{ maxWidth: 18, cursor: 'pointer' }}
        onEvent={onEvent}
      />
    </ReportCard>
  );
}
