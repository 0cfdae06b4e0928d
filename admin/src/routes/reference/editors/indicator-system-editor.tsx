import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Form, Input, InputNumber, Row, Select, Space, Switch } from 'antd';
import { useTranslation } from 'react-i18next';

import { sumOf } from './cells';
import { EditableRows } from './editable-rows';

const RULES = ['mean', 'minWeighted', 'floorPenalty'] as const;
/** The API's check (`zIndicatorSystem`): dimension weights sum to 1 within 1e-6. */
const weightsOk = (sum: number) => Math.abs(sum - 1) < 1e-6;

/**
 * 捆绑式考核指标体系: dimensions → indicators, the roll-up rule that keeps the weakest member school
 * weighing in, and the grade thresholds. The weight total is checked live, as the server checks it.
 */
export function IndicatorSystemEditor() {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  // Only the weights feed the live check; watching them alone keeps typing in the indicator tables cheap.
  const weights = (Form.useWatch(
    (v: { content?: { dimensions?: Array<{ weight?: number } | undefined> } }) =>
      (v?.content?.dimensions ?? []).map((d) => d?.weight),
    form,
  ) ?? []) as Array<number | undefined>;
  const rule = Form.useWatch(['content', 'rollup', 'rule'], form) as string | undefined;
  const total = sumOf(weights);
  const required = { required: true, message: t('refedit.required') };
  return (
    <>
      <Card size="small" title={t('refedit.indicators.system')} style={{ marginBottom: 16 }}>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name={['content', 'key']} label={t('refedit.indicators.key')} rules={[required]}>
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name={['content', 'name', 'zh-CN']} label={t('refedit.indicators.nameZh')} rules={[required]}>
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name={['content', 'name', 'en']} label={t('refedit.indicators.nameEn')} rules={[required]}>
              <Input />
            </Form.Item>
          </Col>
        </Row>
      </Card>
      <Alert
        data-testid="refedit-weight-total"
        type={weightsOk(total) ? 'success' : 'warning'}
        showIcon
        style={{ marginBottom: 12 }}
        message={t(weightsOk(total) ? 'refedit.indicators.weightsOk' : 'refedit.indicators.weightsOff', { total })}
      />
      <Form.List
        name={['content', 'dimensions']}
        rules={[
          {
            validator: async (_, v: Array<{ weight?: number }> | undefined) =>
              weightsOk(sumOf((v ?? []).map((d) => d?.weight)))
                ? undefined
                : Promise.reject(new Error(t('refedit.indicators.weightsRule'))),
          },
        ]}
      >
        {(fields, { add, remove, move }, { errors }) => (
          <>
            {fields.map((f, i) => (
              <Card
                key={f.key}
                size="small"
                style={{ marginBottom: 12 }}
                data-testid={`refedit-dimension-${i}`}
                title={t('refedit.indicators.dimension', { n: i + 1 })}
                extra={
                  <Space size={0}>
                    <Button
                      type="text"
                      size="small"
                      icon={<ArrowUpOutlined />}
                      aria-label={t('refedit.moveUp')}
                      disabled={i === 0}
                      onClick={() => move(i, i - 1)}
                    />
                    <Button
                      type="text"
                      size="small"
                      icon={<ArrowDownOutlined />}
                      aria-label={t('refedit.moveDown')}
                      disabled={i === fields.length - 1}
                      onClick={() => move(i, i + 1)}
                    />
                    <Button
                      type="text"
                      size="small"
                      danger
                      icon={<DeleteOutlined />}
                      aria-label={t('refedit.remove')}
                      disabled={fields.length <= 1}
                      onClick={() => remove(i)}
                    />
                  </Space>
                }
              >
                <Row gutter={12}>
                  <Col xs={24} md={5}>
                    <Form.Item name={[f.name, 'key']} label={t('refedit.indicators.key')} rules={[required]}>
                      <Input />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={7}>
                    <Form.Item
                      name={[f.name, 'name', 'zh-CN']}
                      label={t('refedit.indicators.nameZh')}
                      rules={[required]}
                    >
                      <Input />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={7}>
                    <Form.Item name={[f.name, 'name', 'en']} label={t('refedit.indicators.nameEn')} rules={[required]}>
                      <Input />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={5}>
                    <Form.Item
                      name={[f.name, 'weight']}
                      label={t('refedit.indicators.weight')}
                      tooltip={t('refedit.indicators.weightHint')}
                      rules={[required]}
                    >
                      <InputNumber min={0.01} max={1} step={0.05} style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                </Row>
                <EditableRows
                  name={[f.name, 'indicators']}
                  testId={`refedit-indicators-${i}`}
                  minRows={1}
                  addLabel={t('refedit.indicators.addIndicator')}
                  newRow={() => ({ key: '', name: { 'zh-CN': '', en: '' }, maxScore: 10, evidenceRequired: true })}
                  columns={[
                    {
                      key: 'key',
                      title: t('refedit.indicators.key'),
                      path: ['key'],
                      required: true,
                      width: 110,
                      input: <Input />,
                    },
                    {
                      key: 'zh',
                      title: t('refedit.indicators.nameZh'),
                      path: ['name', 'zh-CN'],
                      required: true,
                      width: 200,
                      input: <Input />,
                    },
                    {
                      key: 'en',
                      title: t('refedit.indicators.nameEn'),
                      path: ['name', 'en'],
                      required: true,
                      width: 180,
                      input: <Input />,
                    },
                    {
                      key: 'max',
                      title: t('refedit.indicators.maxScore'),
                      path: ['maxScore'],
                      required: true,
                      rules: [required],
                      width: 100,
                      input: <InputNumber min={0.5} style={{ width: '100%' }} />,
                    },
                    {
                      key: 'evidence',
                      title: t('refedit.indicators.evidence'),
                      path: ['evidenceRequired'],
                      valuePropName: 'checked',
                      width: 90,
                      input: <Switch size="small" />,
                    },
                    {
                      key: 'guideZh',
                      title: t('refedit.indicators.guideZh'),
                      path: ['scoringGuide', 'zh-CN'],
                      width: 220,
                      input: <Input.TextArea autoSize={{ maxRows: 3 }} />,
                    },
                    {
                      key: 'guideEn',
                      title: t('refedit.indicators.guideEn'),
                      path: ['scoringGuide', 'en'],
                      width: 200,
                      input: <Input.TextArea autoSize={{ maxRows: 3 }} />,
                    },
                  ]}
                />
              </Card>
            ))}
            <Form.ErrorList errors={errors} />
            <Button
              type="dashed"
              block
              icon={<PlusOutlined />}
              style={{ margin: '8px 0 16px' }}
              data-testid="refedit-add-dimension"
              onClick={() =>
                add({
                  key: '',
                  name: { 'zh-CN': '', en: '' },
                  weight: undefined,
                  indicators: [{ key: '', name: { 'zh-CN': '', en: '' }, maxScore: 10, evidenceRequired: true }],
                })
              }
            >
              {t('refedit.indicators.addDimension')}
            </Button>
          </>
        )}
      </Form.List>
      <Card size="small" title={t('refedit.indicators.rollup')} style={{ marginBottom: 16 }}>
        <Row gutter={16}>
          <Col xs={24} md={10}>
            <Form.Item
              name={['content', 'rollup', 'rule']}
              label={t('refedit.indicators.rule')}
              rules={[required]}
              extra={rule ? t(`refedit.indicators.ruleHint.${rule}`) : undefined}
            >
              <Select options={RULES.map((r) => ({ value: r, label: t(`refedit.indicators.rules.${r}`) }))} />
            </Form.Item>
          </Col>
          {rule === 'minWeighted' && (
            <Col xs={24} md={6}>
              <Form.Item name={['content', 'rollup', 'alpha']} label={t('refedit.indicators.alpha')} rules={[required]}>
                <InputNumber min={0} max={1} step={0.05} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          )}
          {rule === 'floorPenalty' && (
            <>
              <Col xs={24} md={6}>
                <Form.Item
                  name={['content', 'rollup', 'floor']}
                  label={t('refedit.indicators.floor')}
                  rules={[required]}
                >
                  <InputNumber min={0} max={100} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col xs={24} md={6}>
                <Form.Item
                  name={['content', 'rollup', 'penalty']}
                  label={t('refedit.indicators.penalty')}
                  rules={[required]}
                >
                  <InputNumber min={0} step={0.1} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
            </>
          )}
        </Row>
      </Card>
      <Card size="small" title={t('refedit.indicators.grades')}>
        <EditableRows
          name={['content', 'grades']}
          testId="refedit-grades"
          minRows={1}
          addLabel={t('refedit.indicators.addGrade')}
          newRow={() => ({ grade: '', label: { 'zh-CN': '', en: '' }, min: 0 })}
          columns={[
            {
              key: 'grade',
              title: t('refedit.indicators.gradeKey'),
              path: ['grade'],
              required: true,
              width: 120,
              input: <Input />,
            },
            {
              key: 'zh',
              title: t('refedit.indicators.nameZh'),
              path: ['label', 'zh-CN'],
              required: true,
              width: 160,
              input: <Input />,
            },
            {
              key: 'en',
              title: t('refedit.indicators.nameEn'),
              path: ['label', 'en'],
              required: true,
              width: 160,
              input: <Input />,
            },
            {
              key: 'min',
              title: t('refedit.indicators.min'),
              path: ['min'],
              required: true,
              rules: [required],
              width: 120,
              input: <InputNumber min={0} max={100} style={{ width: '100%' }} />,
            },
          ]}
        />
      </Card>
    </>
  );
}
