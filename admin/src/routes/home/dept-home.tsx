import { PlusOutlined } from '@ant-design/icons';
import { Button, Col, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

import { PageTitle } from '../../components/page-title';
import { InstanceCards } from './instance-cards';
import { TaskSection } from './task-section';
import { useInstances, useMyTasks } from './use-home-data';

/** 校外单位工作台: file a request to bring an activity into schools, and follow each one. */
export function DeptHome() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const tasks = useMyTasks();
  const requests = useInstances({ block: 'entryRules', limit: 50 });
  return (
    <div data-testid="dept-home">
      <Row justify="space-between" align="middle" style={{ marginBottom: 8 }}>
        <PageTitle>{t('home.deptTitle')}</PageTitle>
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => navigate('/instances/create?block=entryRules')}
          data-testid="new-entry-request"
        >
          {t('home.newEntryRequest')}
        </Button>
      </Row>
      <Typography.Paragraph type="secondary">{t('home.deptHint')}</Typography.Paragraph>
      <Row gutter={[16, 16]}>
        <Col span={24}>
          <TaskSection
            testId="home-open-tasks"
            title={t('home.toRevise')}
            tasks={tasks.data?.items ?? []}
            loading={tasks.isLoading}
            empty={t('home.noRevisions')}
          />
        </Col>
        <Col span={24}>
          <InstanceCards
            testId="home-requests"
            title={t('home.myRequests')}
            rows={requests.data?.items ?? []}
            empty={requests.isError ? t('home.instancesFailed') : t('home.noRequests')}
          />
        </Col>
      </Row>
    </div>
  );
}
