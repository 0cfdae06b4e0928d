import { Col, Descriptions, Row } from 'antd';
import { useTranslation } from 'react-i18next';

import { rowsOf, textOf, ViewTable } from './view-table';

/** An award rubric for reading: the year's settings, the criteria and the quotas per level. */
export function AwardRubricView({ content }: { content: Record<string, unknown> }) {
  const { t } = useTranslation();
  const quotas = (content.quotas ?? {}) as Record<string, unknown>;
  const quotaColumns = [
    {
      key: 'level',
      title: t('refedit.rubric.level'),
      render: (r: Record<string, unknown>) =>
        t(`refedit.rubric.levels.${String(r.level)}`, { defaultValue: textOf(r.level) }),
    },
    { key: 'count', title: t('refedit.rubric.count') },
  ];
  return (
    <>
      <Descriptions size="small" bordered column={{ xs: 1, md: 2 }} style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('refedit.rubric.year')}>{textOf(content.year)}</Descriptions.Item>
        <Descriptions.Item label={t('refedit.rubric.schoolQuota')}>{textOf(content.schoolQuota)}</Descriptions.Item>
        <Descriptions.Item label={t('refedit.rubric.experts')}>
          {textOf(content.expertsPerSubmission)}
        </Descriptions.Item>
        <Descriptions.Item label={t('refedit.rubric.outlier')}>{textOf(content.outlierThreshold)}</Descriptions.Item>
      </Descriptions>
      <ViewTable
        title={t('refedit.rubric.criteria')}
        testId="reference-list-criteria"
        data={rowsOf(content.criteria)}
        columns={[
          { key: 'key', title: t('refedit.rubric.key') },
          { key: 'name', title: t('refedit.rubric.name') },
          { key: 'maxScore', title: t('refedit.rubric.maxScore') },
        ]}
      />
      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <ViewTable
            title={t('refedit.rubric.quotasAchievement')}
            testId="reference-quotas-achievement"
            data={rowsOf(quotas.achievement)}
            columns={quotaColumns}
          />
        </Col>
        <Col xs={24} lg={12}>
          <ViewTable
            title={t('refedit.rubric.quotasCourse')}
            testId="reference-quotas-course"
            data={rowsOf(quotas.course)}
            columns={quotaColumns}
          />
        </Col>
      </Row>
    </>
  );
}
