import { Column, Pie } from '@ant-design/plots';
import { Col, Row, Space, Statistic, Tag, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useLocalize } from '../../../components/localized-text';
import { instanceListLink } from '../../../lib/instance-link';
import { ReportCard } from '../report-card';
import { toPairs } from '../normalize';
import { clickedDatum } from '../chart-click';
import { useReport, type ReportFilters } from '../use-report';
import type { MaybeLocalized } from '../../../types/contract';

type SchoolFindings = { schoolId: string; schoolName: string; open?: number; findings?: number; overdue?: number };
type SecurityReport = { byLayer?: unknown; bySeverity?: unknown; openFindings?: unknown; overdueFindings?: unknown; perSchool?: SchoolFindings[] };

/** The API names layers as the checklists do (物理安全 …); the console translates them by key. */
const LAYER_KEYS: Record<string, string> = { 物理安全: 'physical', 网络安全: 'network', 主机安全: 'host', 应用安全: 'application', 数据安全: 'data', 安全管理: 'management' };
const countOf = (v: unknown) => (typeof v === 'number' ? v : Array.isArray(v) ? v.length : 0);

/** 安全检查问题: findings by the six layers and by severity, with open and overdue totals. */
export function FindingsChart({ filters }: { filters: ReportFilters }) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const navigate = useNavigate();
  const report = useReport<SecurityReport>('/reports/security-inspection', filters);
  const label = (group: 'layers' | 'severities', key: string, fallback: MaybeLocalized) => t(`dashboard.${group}.${key}`, { defaultValue: localize(fallback) || key });
  const layers = toPairs(report.data?.byLayer).map((p) => ({ layer: label('layers', LAYER_KEYS[p.key] ?? p.key, p.label), count: p.count }));
  const severities = toPairs(report.data?.bySeverity).map((p) => ({ severity: label('severities', p.key, p.label), count: p.count }));
  const worst = [...(report.data?.perSchool ?? [])].filter((s) => (s.open ?? 0) > 0).sort((a, b) => (b.open ?? 0) - (a.open ?? 0)).slice(0, 8);
  const openRectifications = () => navigate(instanceListLink({ definitionKey: 'security-inspection', state: 'rectification', orgId: filters.schoolId }));
  return (
    <ReportCard
      title={t('dashboard.findings')}
      testId="chart-findings"
      loading={report.isLoading}
      error={report.error}
      empty={layers.length === 0 && severities.length === 0}
      emptyText={t('dashboard.noFindings')}
      onRetry={() => void report.refetch()}
    >
      <Row gutter={16}>
        <Col span={12}>
          <Statistic title={t('dashboard.openFindings')} value={countOf(report.data?.openFindings)} />
        </Col>
        <Col span={12}>
          <Statistic title={t('dashboard.overdueFindings')} value={countOf(report.data?.overdueFindings)} valueStyle={{ color: countOf(report.data?.overdueFindings) ? '#cf1322' : undefined }} />
        </Col>
        <Col xs={24} md={14}>
          <Column
            data={layers}
            xField="layer"
            yField="count"
            height={220}
            axis={{ x: { title: false }, y: { title: false } }}
            style={{ maxWidth: 32, cursor: 'pointer' }}
            onEvent={(_c: unknown, e: unknown) => clickedDatum(e) && openRectifications()}
          />
        </Col>
        <Col xs={24} md={10}>
          <Pie
            data={severities}
            angleField="count"
            colorField="severity"
            innerRadius={0.6}
            height={220}
            legend={{ color: { position: 'bottom', layout: { justifyContent: 'center' } } }}
            scale={{ color: { domain: ['high', 'medium', 'low'].map((k) => t(`dashboard.severities.${k}`)), range: ['#cf1322', '#fa8c16', '#fadb14'] } }}
            onEvent={(_c: unknown, e: unknown) => clickedDatum(e) && openRectifications()}
          />
        </Col>
      </Row>
      {worst.length > 0 && (
        <Space size={[6, 6]} wrap data-testid="findings-school-links">
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('dashboard.worstSchools')}
          </Typography.Text>
          {worst.map((s) => (
            <Tag key={s.schoolId} color={(s.overdue ?? 0) > 0 ? 'red' : 'orange'} bordered={false}>
              <a
                href={instanceListLink({ definitionKey: 'security-inspection', orgId: s.schoolId })}
                onClick={(e) => {
                  e.preventDefault();
                  navigate(instanceListLink({ definitionKey: 'security-inspection', orgId: s.schoolId }));
                }}
              >
                {s.schoolName} {s.open}
              </a>
            </Tag>
          ))}
        </Space>
      )}
    </ReportCard>
  );
}
