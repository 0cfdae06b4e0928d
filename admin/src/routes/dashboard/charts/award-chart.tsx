import { Pie } from '@ant-design/plots';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useLocalize } from '../../../components/localized-text';
import { instanceListLink } from '../../../lib/instance-link';
import { ReportCard } from '../report-card';
import { clickedDatum } from '../chart-click';
import { toPairs } from '../normalize';
import { useReport, type ReportFilters } from '../use-report';

/** 教学成果奖: award results per level (特等/一等/二等…); a click opens the award instances. */
export function AwardChart({ filters }: { filters: ReportFilters }) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const navigate = useNavigate();
  const report = useReport<{ byLevel?: unknown }>('/reports/teaching-award', filters);
  const rows = toPairs(report.data?.byLevel)
    .filter((p) => p.count > 0)
    .map((p) => ({ level: t(`dashboard.levels.${p.key}`, { defaultValue: localize(p.label) || p.key }), count: p.count }));
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
      <Pie
        data={rows}
        angleField="count"
        colorField="level"
        height={240}
        label={{ text: (d: { level: string; count: number }) => `${d.level} ${d.count}`, position: 'outside' }}
        legend={{ color: { position: 'bottom', layout: { justifyContent: 'center' } } }}
        onEvent={(_c: unknown, e: unknown) => clickedDatum(e) && navigate(instanceListLink({ definitionKey: 'teaching-award' }))}
      />
    </ReportCard>
  );
}
