import { Alert, Button, Card, DatePicker, Form, InputNumber, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { api, call } from '../../api/client';
import type { components } from '../../api/schema.gen';
import { useLocalize } from '../../components/localized-text';
import { useSubmit } from '../../hooks/use-submit';

type DueDate = components['schemas']['DueDate'];
type Values = { from: Dayjs; workdays: number };

/**
 * 工作日计算: the server counts the deadline (GET /calendar/due-date), so the preview can never
 * disagree with the engine; it reads the saved calendar, not unsaved edits on this page (the page
 * remounts it on each saved version, so an answer from an older calendar does not linger).
 */
export function WorkdayCalculator() {
  const { t, i18n } = useTranslation();
  const localize = useLocalize();
  const [form] = Form.useForm<Values>();
  const [result, setResult] = useState<DueDate | null>(null);
  // A new question clears the last answer: a refusal must not sit under an old date.
  const {
    submit: compute,
    pending,
    error,
    errorText,
  } = useSubmit(async (v: Values) => {
    setResult(null);
    setResult(
      await call(
        api.GET('/api/calendar/due-date', {
          params: { query: { from: v.from.format('YYYY-MM-DD'), workdays: v.workdays } },
        }),
      ),
    );
  });
  const due = result ? dayjs(result.dueDate) : null;
  return (
    <Card size="small" title={t('workdayCalc.title')} style={{ marginTop: 16 }} data-testid="workday-calculator">
      <Typography.Paragraph type="secondary">{t('workdayCalc.hint')}</Typography.Paragraph>
      <Form<Values> form={form} layout="inline" onFinish={(v) => void compute(v)} initialValues={{ workdays: 5 }}>
        <Form.Item
          name="from"
          label={t('workdayCalc.from')}
          rules={[{ required: true, message: t('workdayCalc.pickFrom') }]}
        >
          <DatePicker id="workday-from" allowClear={false} />
        </Form.Item>
        <Form.Item
          name="workdays"
          label={t('workdayCalc.workdays')}
          rules={[{ required: true, type: 'integer', min: 1, max: 365, message: t('workdayCalc.pickWorkdays') }]}
        >
          <InputNumber id="workday-count" min={1} max={365} precision={0} style={{ width: 100 }} />
        </Form.Item>
        <Form.Item>
          <Button htmlType="submit" loading={pending} data-testid="workday-compute">
            {t('workdayCalc.compute')}
          </Button>
        </Form.Item>
      </Form>
      {due && result && (
        <Typography.Paragraph style={{ marginTop: 12, marginBottom: 0 }} data-testid="workday-result">
          <Typography.Text strong>
            {t('workdayCalc.dueDateValue', {
              date: result.dueDate,
              weekday: due.locale(i18n.language === 'zh-CN' ? 'zh-cn' : 'en').format('dddd'),
            })}
          </Typography.Text>
        </Typography.Paragraph>
      )}
      {error && (
        <Alert
          style={{ marginTop: 12 }}
          type="error"
          showIcon
          message={errorText}
          description={
            Object.values(error.fieldErrors)
              .map((m) => localize(m))
              .join('；') || undefined
          }
        />
      )}
    </Card>
  );
}
