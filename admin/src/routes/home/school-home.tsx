import { Alert, Button, Col, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

import { PageTitle } from '../../components/page-title';
import { findingsLink } from '../../lib/findings-link';
import { InstanceCards } from './instance-cards';
import { NoticeSection } from './notice-section';
import { TaskSection } from './task-section';
import { useInstances, useMyTasks } from './use-home-data';

/** 学校工作台 (principal) / 集团工作台 (group lead): 公示 running, what is due, rectifications, campus entries to confirm. */
export function SchoolHome({ scopeName, group }: { scopeName: string; group: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const tasks = useMyTasks();
  const running = useInstances({ status: 'running', limit: 24 });
  const all = tasks.data?.items ?? [];
  // Known by the blocks the workflow declares, so a bureau's copy or a renamed step lands in the same section.
  const rectifications = all.filter((x) => x.stepBlocks.includes('findingsLedger:handIn'));
  const entries = all.filter((x) => x.workflowBlocks.includes('entryRules'));
  const others = all.filter((x) => !rectifications.includes(x) && !entries.includes(x));
  return (
    <div data-testid={group ? 'group-home' : 'school-home'}>
      <div style={{ marginBottom: 12 }}>
        <PageTitle>{t(group ? 'home.groupTitle' : 'home.schoolTitle', { name: scopeName })}</PageTitle>
      </div>
      {tasks.isError && <Alert type="error" showIcon message={t('home.tasksFailed')} style={{ marginBottom: 16 }} />}
      <NoticeSection />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <TaskSection
            testId="home-open-tasks"
            title={t('home.openTasks')}
            tasks={others}
            loading={tasks.isLoading}
            empty={t('home.noOpenTasks')}
            extra={
              <Button type="link" size="small" onClick={() => navigate('/tasks')}>
                {t('home.allTasks')}
              </Button>
            }
          />
        </Col>
        <Col xs={24} lg={12}>
          <Row gutter={[16, 16]}>
            <Col span={24}>
              <TaskSection
                testId="home-rectifications"
                title={t('home.rectifications')}
                tasks={rectifications}
                loading={tasks.isLoading}
                empty={t('home.noRectifications')}
                // Every open finding of the school (or group), item by item, not only the steps waiting on them.
                extra={
                  <Button
                    type="link"
                    size="small"
                    onClick={() => navigate(findingsLink({ status: 'open' }))}
                    data-testid="home-open-findings"
                  >
                    {t('findings.allOpen')}
                  </Button>
                }
              />
            </Col>
            <Col span={24}>
              <TaskSection
                testId="home-entries"
                title={t('home.entriesToConfirm')}
                tasks={entries}
                loading={tasks.isLoading}
                empty={t('home.noEntries')}
              />
            </Col>
          </Row>
        </Col>
        <Col span={24}>
          <InstanceCards
            testId="home-running"
            title={t(group ? 'home.groupRunning' : 'home.schoolRunning')}
            rows={running.data?.items ?? []}
            empty={running.isError ? t('home.instancesFailed') : t('home.noRunning')}
            extra={
              <Button type="link" size="small" onClick={() => navigate('/instances')}>
                {t('home.allInstances')}
              </Button>
            }
          />
        </Col>
      </Row>
    </div>
  );
}
