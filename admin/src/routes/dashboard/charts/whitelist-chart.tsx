import { Column } from '@ant-design/plots';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ReportCard } from '../report-card';
import { str, useChartClick } from '../chart-click';
import { drillToInstances } from '../drill-links';
import { useReport, type ReportFilters } from '../use-report';

type CampusReport = { perSchool?: Array<{ schoolId: string; schoolName: string; used: number; cap: number }> };

/** 进校园次数: each school's social-affair entries this semester against its cap (the busiest 20). */
export function WhitelistChart({ filters }: { filters: ReportFilters }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const report = useReport<CampusReport>('/reports/campus-entry', filters);
  const schools = [...(report.data?.perSchool ?? [])].sort((a, b) => b.used - a.used).slice(0, 20);
  const rows = schools.flatMap((s) => [
    { school: s.schoolName, schoolId: s.schoolId, series: t('dashboard.used'), value: s.used },
    { school: s.schoolName, schoolId: s.schoolId, series: t('dashboard.cap'), value: s.cap },
  ]);
  // Either bar of a school (used or cap) opens that school's entry requests, in the dashboard's period.
  const onEvent = useChartClick((d) => {
    const schoolId = str(d, 'schoolId');
    if (schoolId) navigate(drillToInstances(filters, { definitionKey: 'campus-entry', orgId: schoolId }));
  });
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
      <Column
        data={rows}
        xField="school"
        yField="value"
        colorField="series"
        group
        height={240}
        axis={{ x: { title: false, labelAutoRotate: true }, y: { title: false } }}
        legend={{ color: { position: 'top', layout: { justifyContent: 'flex-start' } } }}
        scale={{ color: { range: ['#1677ff', '#d9d9d9'] } }}
        style={{ cursor: 'pointer' }}
        onEvent={onEvent}
      />
    </ReportCard>
  );
}
