import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

import { instanceListLink } from '../../../lib/instance-link';
import { ReportCard } from '../report-card';
import { type ReportFilters, useReport } from '../use-report';
import { ChartCanvas } from './chart-canvas';
import { bySeries } from './chart-series';

/** 进校园次数: each school's social-affair entries this semester against its cap (the busiest 20). */
export function WhitelistChart({ filters }: { filters: ReportFilters }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const report = useReport('/reports/campus-entry', filters);
  const schools = [...(report.data?.perSchool ?? [])].sort((a, b) => b.used - a.used).slice(0, 20);
  const rows = schools.flatMap((s) => [
    { school: s.schoolName, schoolId: s.schoolId, series: t('dashboard.used'), value: s.used },
    { school: s.schoolName, schoolId: s.schoolId, series: t('dashboard.cap'), value: s.cap },
  ]);
  // An entry request is filed about the district and names the schools it visits in its form data
  // (schoolIds); the report counts those by activity date in the semester. GET /instances can filter by
  // neither (its orgId is the request's subject, so orgId=<school> always listed nothing), nor do the
  // dashboard's school/group/period apply to it: a bar opens the most specific list there is, every
  // campus-entry request. A bar without a school (never drawn) opens nothing.
  const colors = [t('dashboard.used'), t('dashboard.cap')];
  const series = bySeries(
    rows,
    (r) => r.school,
    (r) => r.series,
    (r) => r.value,
    (s) => (s === colors[0] ? '#1677ff' : '#d9d9d9'),
  );
  return (
    <ReportCard
      title={t('dashboard.whitelist')}
      testId="chart-whitelist"
      loading={report.isLoading}
      error={report.error}
      empty={schools.length === 0}
      emptyText={t('dashboard.noEntries')}
      onRetry={() => void report.refetch()}
    >
      <ChartCanvas
        kind="column"
        series={series}
        legend="top"
        height={240}
        ariaLabel={t('dashboard.whitelist')}
        onPick={(r) => {
          if (r.schoolId) navigate(instanceListLink({ block: 'entryRules' }));
        }}
      />
    </ReportCard>
  );
}
