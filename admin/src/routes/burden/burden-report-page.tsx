import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, InputNumber, Result, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

import { api, call } from '../../api/client';
import { publishedReference } from '../../api/reference';
import type { components } from '../../api/schema.gen';
import { formLimits } from '../../api/schema.gen';
import { formatDateTime } from '../../components/date-text';
import { PageTitle } from '../../components/page-title';
import { useSubmit } from '../../hooks/use-submit';

/** The route's own bounds (generated from its zod schema). */
const LIMITS = formLimits.FileBurdenReportBody;

type Values = { burdenItem: string; description: string; hours?: number };
type Filed = Pick<components['schemas']['BurdenReport'], 'id' | 'dueAt'>;

/** The published 教师减负清单 (part of the whitelist): what a teacher names when reporting. */
function useBurdenList() {
  return useQuery({
    queryKey: ['burden-list'],
    queryFn: () => publishedReference('whitelist'),
    retry: false,
    staleTime: 300_000,
  });
}

/**
 * 负担码: a teacher reports a non-teaching demand (POST /burden-reports). It goes to the bureau as a task due
 * in 5 school working days; the school never sees who reported.
 */
export function BurdenReportPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const list = useBurdenList();
  const [filed, setFiled] = useState<Filed | null>(null);
  const items = [
    ...new Map((list.data ?? []).flatMap((w) => w.content.burdenList ?? []).map((b) => [b.code, b])).values(),
  ];
  const options = [
    ...items.map((b) => ({ value: b.code, label: `${b.code} ${b.name}` })),
    { value: 'other', label: t('burdenReport.other') },
  ];

  const { submit, pending, error, errorText } = useSubmit(
    async (values: Values) => {
      setFiled(await call(api.POST('/api/burden-reports', { body: { ...values, hours: values.hours ?? undefined } })));
      form.resetFields();
    },
    { form, fields: ['burdenItem', 'description', 'hours'] },
  );

  return (
    <div data-testid="burden-report-page" style={{ maxWidth: 720 }}>
      <div style={{ marginBottom: 12 }}>
        <PageTitle>{t('burdenReport.title')}</PageTitle>
      </div>
      {filed ? (
        <Card data-testid="burden-report-filed">
          <Result
            status="success"
            title={t('burdenReport.success', { date: formatDateTime(filed.dueAt, 'YYYY-MM-DD') })}
            subTitle={t('burdenReport.successHint')}
            extra={[
              <Button key="again" type="primary" onClick={() => setFiled(null)}>
                {t('burdenReport.another')}
              </Button>,
              <Button key="home" onClick={() => navigate('/')}>
                {t('burdenReport.home')}
              </Button>,
            ]}
          />
        </Card>
      ) : (
        <Card>
          <Alert type="info" showIcon message={t('burdenReport.intro')} style={{ marginBottom: 16 }} />
          {error && Object.keys(error.fieldErrors).length === 0 && (
            <Alert type="error" showIcon style={{ marginBottom: 16 }} message={errorText} />
          )}
          <Form<Values> form={form} layout="vertical" onFinish={(v) => void submit(v)} requiredMark>
            <Form.Item
              name="burdenItem"
              label={t('burdenReport.item')}
              extra={t('burdenReport.itemHelp')}
              rules={[{ required: true, message: t('burdenReport.itemRequired') }]}
            >
              <Select
                showSearch
                optionFilterProp="label"
                loading={list.isLoading}
                options={options}
                data-testid="burden-item"
                placeholder={t('burdenReport.itemRequired')}
              />
            </Form.Item>
            <Form.Item
              name="description"
              label={t('burdenReport.description')}
              rules={[
                {
                  required: true,
                  whitespace: true,
                  min: LIMITS.description.minLength,
                  message: t('burdenReport.descriptionRequired'),
                },
              ]}
            >
              <Input.TextArea
                rows={4}
                maxLength={LIMITS.description.maxLength}
                showCount
                placeholder={t('burdenReport.descriptionPlaceholder')}
                data-testid="burden-description"
              />
            </Form.Item>
            <Form.Item name="hours" label={t('burdenReport.hours')}>
              <InputNumber
                min={LIMITS.hours.minimum}
                max={LIMITS.hours.maximum}
                precision={0}
                style={{ width: 160 }}
                data-testid="burden-hours"
              />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={pending} data-testid="burden-submit">
              {t('burdenReport.submit')}
            </Button>
          </Form>
        </Card>
      )}
    </div>
  );
}
