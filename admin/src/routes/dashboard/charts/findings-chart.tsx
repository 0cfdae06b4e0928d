import { Col, Row, Space, Statistic, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

import { useLocalize } from '../../../components/localized-text';
import { type FindingQuery, findingsLink, LAYER_KEYS } from '../../../lib/findings-link';
import { instanceListLink } from '../../../lib/instance-link';
import type { MaybeLocalized } from '../../../types/contract';
import { toPairs } from '../normalize';
import { PeriodPicker } from '../period-picker';
import { ReportCard } from '../report-card';
import { type ReportFilters, useReport } from '../use-report';
import { ChartCanvas } from './chart-canvas';
import { perRow } from './chart-series';

const isSeverity = (k: string): k is 'high' | 'medium' | 'low' => k === 'high' || k === 'medium' || k === 'low';
const SEVERITY_COLORS: Record<string, string> = { high: '#cf1322', medium: '#fa8c16', low: '#fadb14' };

/** 安全检查问题: one inspection round's findings (the latest unless another is chosen) by the six layers and by severity, with open and overdue totals. */
export function FindingsChart({ filters }: { filters: ReportFilters }) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const navigate = useNavigate();
  // No round chosen: the API shows the latest, and says which (report.round).
  const [round, setRound] = useState<string>();
  const report = useReport('/reports/security-inspection', filters, { round });
  const label = (group: 'layers' | 'severities', key: string, fallback: MaybeLocalized) =>
    t(`dashboard.${group}.${key}`, { defaultValue: localize(fallback) || key });
  // `key` rides along in each datum so a click can filter the findings list by the API's own value.
  const layers = toPairs(report.data?.byLayer).map((p) => ({
    layer: label('layers', LAYER_KEYS[p.key] ?? p.key, p.label),
    key: p.key,
    count: p.count,
  }));
  const severities = toPairs(report.data?.bySeverity).map((p) => ({
    severity: label('severities', p.key, p.label),
    key: p.key,
    count: p.count,
  }));
  const worst = [...(report.data?.perSchool ?? [])]
    .filter((s) => (s.open ?? 0) > 0)
    .sort((a, b) => (b.open ?? 0) - (a.open ?? 0))
    .slice(0, 8);
  // A bar, a slice or a figure opens 整改问题 filtered the same way (and to the dashboard's school, if any).
  // GET /findings has no group or period filter: under a group only, the list shows the whole district's.
  // The round shown travels along, so the list holds what the chart counted.
  const openFindings = (q: FindingQuery) =>
    navigate(findingsLink({ schoolId: filters.schoolId, ...q, round: report.data?.round ?? undefined }));
  const layerSeries = perRow(
    layers,
    (l) => l.layer,
    (l) => l.count,
    '#1783FF',
    t('dashboard.findings'),
  );
  const severitySeries = perRow(
    severities,
    (s) => s.severity,
    (s) => s.count,
    (s) => SEVERITY_COLORS[s.key] ?? '#8c8c8c',
  );
  return (
    <ReportCard
      title={t('dashboard.findings')}
      testId="chart-findings"
      loading={report.isLoading}
      error={report.error}
      empty={layers.length === 0 && severities.length === 0}
      emptyText={t('dashboard.noFindings')}
      onRetry={() => void report.refetch()}
      extra={
        <PeriodPicker
          label={t('dashboard.round')}
          testId="findings-round"
          periods={report.data?.rounds}
          shown={report.data?.round}
          onChange={setRound}
          allLabel={t('dashboard.allRounds')}
        />
      }
    >
      <Row gutter={16}>
        <Col span={12}>
          <Statistic
            title={
              <Typography.Link onClick={() => openFindings({ status: 'open' })} data-testid="findings-open-link">
                {t('dashboard.openFindings')}
              </Typography.Link>
            }
            value={report.data?.openFindings ?? 0}
          />
        </Col>
        <Col span={12}>
          <Statistic
            title={
              <Typography.Link onClick={() => openFindings({ overdue: '1' })} data-testid="findings-overdue-link">
                {t('dashboard.overdueFindings')}
              </Typography.Link>
            }
            value={report.data?.overdueFindings ?? 0}
            valueStyle={{ color: (report.data?.overdueFindings ?? 0) ? '#cf1322' : undefined }}
          />
        </Col>
        <Col xs={24} md={14}>
          <ChartCanvas
            kind="column"
            series={layerSeries}
            ariaLabel={t('dashboard.findingsByLayer')}
            maxBarThickness={32}
            height={220}
            onPick={(l) => openFindings({ layer: l.key })}
          />
        </Col>
        <Col xs={24} md={10}>
          <ChartCanvas
            kind="doughnut"
            series={severitySeries}
            ariaLabel={t('dashboard.findingsBySeverity')}
            legend="bottom"
            height={220}
            onPick={(s) => {
              if (isSeverity(s.key)) openFindings({ severity: s.key });
            }}
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
                href={instanceListLink({ block: 'findingsLedger', orgId: s.schoolId })}
                onClick={(e) => {
                  e.preventDefault();
                  navigate(instanceListLink({ block: 'findingsLedger', orgId: s.schoolId }));
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
