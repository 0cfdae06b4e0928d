import { Card, Col, Form, Input, InputNumber, Row, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

import { formLimits } from '../../../api/schema.gen';
import { sumOf } from './cells';
import { EditableRows } from './editable-rows';

const LEVELS = ['special', 'first', 'second'] as const;

/** The kind's own bounds (generated from the zod schema a new version is validated with). */
const LIMITS = formLimits['ReferenceData.award-rubric'];

/** 教学成果奖 / 精品课 rubric for one year: scoring criteria, the experts per submission, and quotas per level. */
export function AwardRubricEditor() {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const maxScores = (Form.useWatch(
    (v: { content?: { criteria?: Array<{ maxScore?: number } | undefined> } }) =>
      (v?.content?.criteria ?? []).map((c) => c?.maxScore),
    form,
  ) ?? []) as Array<number | undefined>;
  const required = { required: true, message: t('refedit.required') };
  const quotaRows = (category: 'achievement' | 'course') => (
    <EditableRows
      name={['content', 'quotas', category]}
      testId={`refedit-quotas-${category}`}
      addLabel={t('refedit.rubric.addLevel')}
      newRow={() => ({ level: undefined, count: 0 })}
      columns={[
        {
          key: 'level',
          title: t('refedit.rubric.level'),
          path: ['level'],
          required: true,
          rules: [required],
          width: 160,
          input: <Select options={LEVELS.map((l) => ({ value: l, label: t(`refedit.rubric.levels.${l}`) }))} />,
        },
        {
          key: 'count',
          title: t('refedit.rubric.count'),
          path: ['count'],
          required: true,
          rules: [required],
          width: 120,
          input: <InputNumber min={0} precision={0} style={{ width: '100%' }} />,
        },
      ]}
    />
  );
  return (
    <>
      <Card size="small" title={t('refedit.rubric.settings')} style={{ marginBottom: 16 }}>
        <Row gutter={16}>
          <Col xs={24} md={6}>
            <Form.Item name={['content', 'year']} label={t('refedit.rubric.year')} rules={[required]}>
              <InputNumber
                min={LIMITS['content.year'].minimum}
                max={LIMITS['content.year'].maximum}
                precision={0}
                style={{ width: '100%' }}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item name={['content', 'schoolQuota']} label={t('refedit.rubric.schoolQuota')} rules={[required]}>
              <InputNumber min={1} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item
              name={['content', 'expertsPerSubmission']}
              label={t('refedit.rubric.experts')}
              tooltip={t('refedit.rubric.expertsHint')}
              rules={[required]}
            >
              <InputNumber
                min={LIMITS['content.expertsPerSubmission'].minimum}
                precision={0}
                style={{ width: '100%' }}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item
              name={['content', 'outlierThreshold']}
              label={t('refedit.rubric.outlier')}
              tooltip={t('refedit.rubric.outlierHint')}
              rules={[required]}
            >
              <InputNumber min={0.5} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
      </Card>
      <Card
        size="small"
        title={t('refedit.rubric.criteria')}
        extra={
          <Typography.Text type="secondary">{t('refedit.rubric.total', { total: sumOf(maxScores) })}</Typography.Text>
        }
        style={{ marginBottom: 16 }}
      >
        <EditableRows
          name={['content', 'criteria']}
          testId="refedit-criteria"
          minRows={1}
          addLabel={t('refedit.rubric.addCriterion')}
          newRow={() => ({ key: '', name: '', maxScore: 10 })}
          columns={[
            { key: 'key', title: t('refedit.rubric.key'), path: ['key'], required: true, width: 140, input: <Input /> },
            {
              key: 'name',
              title: t('refedit.rubric.name'),
              path: ['name'],
              required: true,
              width: 260,
              input: <Input />,
            },
            {
              key: 'max',
              title: t('refedit.rubric.maxScore'),
              path: ['maxScore'],
              required: true,
              rules: [required],
              width: 120,
              input: <InputNumber min={0.5} style={{ width: '100%' }} />,
            },
          ]}
        />
      </Card>
      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('refedit.rubric.quotasAchievement')}>
            {quotaRows('achievement')}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('refedit.rubric.quotasCourse')}>
            {quotaRows('course')}
          </Card>
        </Col>
      </Row>
    </>
  );
}
