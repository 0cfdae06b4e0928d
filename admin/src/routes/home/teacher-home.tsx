import { FileAddOutlined, NotificationOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Col, Input, List, Row, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

import { api, call } from '../../api/client';
import { DateText } from '../../components/date-text';
import { EmptyState } from '../../components/empty-state';
import { useLocalize } from '../../components/localized-text';
import { PageTitle } from '../../components/page-title';
import { RowTitleLink, useRowOpen } from '../../components/row-link';
import { StatusTag } from '../../components/status-tag';
import { NoticeSection } from './notice-section';
import { TaskSection } from './task-section';
import { useMyTasks } from './use-home-data';

/** What the teacher started (GET /instances?mine=1), searchable by title within their own rows. */
function useMySubmissions(q: string) {
  return useQuery({
    queryKey: ['my-submissions', q],
    queryFn: () =>
      call(api.GET('/api/instances', { params: { query: { mine: '1', limit: 50, ...(q ? { q } : {}) } } })),
    retry: false,
  });
}

/** 教师工作台: 我的申报 with their titles and steps, what waits on the teacher, running 公示, and the 负担码. */
export function TeacherHome({ schoolName }: { schoolName: string }) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const navigate = useNavigate();
  const rowOpen = useRowOpen();
  const [q, setQ] = useState('');
  const tasks = useMyTasks();
  const mine = useMySubmissions(q);
  const rows = mine.data?.items ?? [];
  return (
    <div data-testid="teacher-home">
      <Row justify="space-between" align="middle" style={{ marginBottom: 12 }} gutter={[8, 8]}>
        <PageTitle>{t('teacherHome.title', { name: schoolName })}</PageTitle>
        {/* The newest published workflow that ranks submissions by quota: the award, whatever the bureau called it. */}
        <Button
          type="primary"
          icon={<FileAddOutlined />}
          onClick={() => navigate('/instances/create?block=levelByQuota')}
          data-testid="new-submission"
        >
          {t('teacherHome.newSubmission')}
        </Button>
      </Row>
      <NoticeSection />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={16}>
          <Card
            size="small"
            data-testid="my-submissions"
            title={t('teacherHome.mySubmissions')}
            extra={
              <Input.Search
                allowClear
                placeholder={t('titles.search')}
                onSearch={(v) => setQ(v.trim())}
                style={{ width: 200 }}
                data-testid="my-submissions-search"
              />
            }
          >
            <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
              {t('teacherHome.mySubmissionsHint')}
            </Typography.Paragraph>
            <List
              loading={mine.isLoading}
              dataSource={rows}
              locale={{
                emptyText: (
                  <EmptyState
                    description={
                      mine.isError
                        ? t('home.instancesFailed')
                        : q
                          ? t('teacherHome.noMatches', { q })
                          : t('teacherHome.noSubmissions')
                    }
                  />
                ),
              }}
              renderItem={(r) => (
                <List.Item {...rowOpen(`/instances/${r.id}`)} data-testid="my-submission">
                  {/* One column, so a phone shows the whole title with its step beneath rather than squeezed beside it. */}
                  <List.Item.Meta
                    title={
                      <RowTitleLink to={`/instances/${r.id}`} strong>
                        {localize(r.title)}
                      </RowTitleLink>
                    }
                    description={
                      <Space direction="vertical" size={4}>
                        <span>{`${r.requesterName} · ${localize(r.definitionName)}`}</span>
                        <Space size={6} wrap>
                          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                            {t('teacherHome.currentStep')}
                          </Typography.Text>
                          {r.status === 'running' ? (
                            <Tag color="blue" data-testid="my-submission-step">
                              {localize(r.stateName)}
                            </Tag>
                          ) : (
                            <StatusTag status={r.status} outcome={r.outcome} />
                          )}
                          {r.status === 'running' && r.dueAt && (
                            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                              {t(r.dueKind === 'notice' ? 'notice.endsAt' : 'fields.dueAt')}{' '}
                              <DateText value={r.dueAt} overdue={r.overdue} />
                            </Typography.Text>
                          )}
                        </Space>
                      </Space>
                    }
                  />
                </List.Item>
              )}
            />
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            <Card
              size="small"
              title={
                <Space>
                  <NotificationOutlined />
                  {t('teacherHome.burdenTitle')}
                </Space>
              }
              data-testid="burden-card"
            >
              <Typography.Paragraph type="secondary">{t('teacherHome.burdenHint')}</Typography.Paragraph>
              <Button block onClick={() => navigate('/burden-reports')} data-testid="open-burden-report">
                {t('teacherHome.burdenAction')}
              </Button>
            </Card>
            <TaskSection
              testId="home-open-tasks"
              title={t('teacherHome.openTasks')}
              tasks={tasks.data?.items ?? []}
              loading={tasks.isLoading}
              empty={t('teacherHome.noOpenTasks')}
            />
          </Space>
        </Col>
      </Row>
    </div>
  );
}
