import { Col, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

import { PageTitle } from '../../components/page-title';
import { InstanceCards } from './instance-cards';
import { TaskSection } from './task-section';
import { useInstances, useMyTasks } from './use-home-data';

/** 检查员工作台: inspections waiting for me, then every inspection assigned to me, as tablet-sized cards. */
export function InspectorHome() {
  const { t } = useTranslation();
  const tasks = useMyTasks();
  const inspections = useInstances({ block: 'findingsLedger', limit: 50 });
  const rows = [...(inspections.data?.items ?? [])].sort(
    (a, b) => Number(b.status === 'running') - Number(a.status === 'running'),
  );
  return (
    <div data-testid="inspector-home">
      <div style={{ marginBottom: 12 }}>
        <PageTitle>{t('home.inspectorTitle')}</PageTitle>
      </div>
      <Typography.Paragraph type="secondary">{t('home.inspectorHint')}</Typography.Paragraph>
      <Row gutter={[16, 16]}>
        <Col span={24}>
          <TaskSection
            testId="home-open-tasks"
            title={t('home.toInspect')}
            tasks={tasks.data?.items ?? []}
            loading={tasks.isLoading}
            empty={t('home.noInspections')}
          />
        </Col>
        <Col span={24}>
          <InstanceCards
            testId="home-inspections"
            title={t('home.myInspections')}
            rows={rows}
            empty={inspections.isError ? t('home.instancesFailed') : t('home.noAssigned')}
          />
        </Col>
      </Row>
    </div>
  );
}
