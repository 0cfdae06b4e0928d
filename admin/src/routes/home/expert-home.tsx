import { Alert, Col, Row } from 'antd';
import { useTranslation } from 'react-i18next';

import { PageTitle } from '../../components/page-title';
import { DoneSection } from './done-section';
import { NoticeSection } from './notice-section';
import { TaskSection } from './task-section';
import { useMyTasks } from './use-home-data';

/** 专家工作台: submissions assigned to me for scoring; other experts' scores stay hidden until review closes. */
export function ExpertHome() {
  const { t } = useTranslation();
  const tasks = useMyTasks();
  return (
    <div data-testid="expert-home">
      <div style={{ marginBottom: 12 }}>
        <PageTitle>{t('home.expertTitle')}</PageTitle>
      </div>
      <Alert type="info" showIcon style={{ marginBottom: 16 }} message={t('home.expertRules')} />
      <Row gutter={[16, 16]}>
        <Col span={24}>
          <TaskSection
            testId="home-open-tasks"
            title={t('home.toScore')}
            tasks={tasks.data?.items ?? []}
            loading={tasks.isLoading}
            empty={t('home.noScoring')}
          />
        </Col>
        <Col span={24}>
          {/* What I scored, with the scores I gave; the other experts' stay theirs. */}
          <DoneSection testId="home-scored" title={t('doneTasks.expertDone')} />
        </Col>
        <Col span={24}>
          {/* What I scored, once published: its 公示 and until when an objection may be filed. */}
          <NoticeSection />
        </Col>
      </Row>
    </div>
  );
}
