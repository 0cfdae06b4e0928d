import { Col, Row } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { PageTitle } from '../../components/page-title';
import { AwardChart } from './charts/award-chart';
import { FindingsChart } from './charts/findings-chart';
import { OverdueCard } from './charts/overdue-card';
import { RankingChart } from './charts/ranking-chart';
import { WhitelistChart } from './charts/whitelist-chart';
import { WorkflowStateChart } from './charts/workflow-state-chart';
import { DashboardFilters, type FilterValues, toReportFilters } from './dashboard-filters';
import { useReport } from './use-report';

/** 统计看板 for the bureau: where every workflow stands, what is late, and each workflow's own figures. */
export function DashboardPage() {
  const { t } = useTranslation();
  const [values, setValues] = useState<FilterValues>({});
  const filters = toReportFilters(values);
  const overview = useReport('/reports/overview', filters);
  return (
    <div data-testid="dashboard">
      <div style={{ marginBottom: 12 }}>
        <PageTitle>{t('dashboard.title')}</PageTitle>
      </div>
      <DashboardFilters onChange={setValues} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <WorkflowStateChart report={overview} filters={filters} />
        </Col>
        <Col xs={24} xl={8}>
          <OverdueCard report={overview} filters={filters} />
        </Col>
        <Col xs={24} xl={12}>
          <FindingsChart filters={filters} />
        </Col>
        <Col xs={24} xl={12}>
          <RankingChart filters={filters} />
        </Col>
        <Col xs={24} xl={12}>
          <WhitelistChart filters={filters} />
        </Col>
        <Col xs={24} xl={12}>
          <AwardChart filters={filters} />
        </Col>
      </Row>
    </div>
  );
}
