import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, DatePicker, Form, Input, Row, Select, Skeleton, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

import { api, call } from '../../api/client';
import { ErrorResult } from '../../components/error-result';
import { useLocalize } from '../../components/localized-text';
import { PageTitle } from '../../components/page-title';
import { StaleAlert } from '../../components/stale-alert';
import { useStatutoryYears } from '../../hooks/use-calendar-coverage';
import { useCan } from '../../hooks/use-can';
import { useSubmit } from '../../hooks/use-submit';
import type { DistrictCalendar } from '../../types/contract';
import { StatutoryCard } from './statutory-card';
import { WorkdayCalculator } from './workday-calculator';

type Values = { holidays: string[]; workdays: string[]; vacations: Array<{ name: string; range: [Dayjs, Dayjs] }> };
const DAY = 'YYYY-MM-DD';

/** Dates typed or pasted as a list (2026-10-01, 2026-10-02 …), kept sorted and unique. */
function DateTags({ value, onChange, id }: { value?: string[]; onChange?: (v: string[]) => void; id?: string }) {
  const { t } = useTranslation();
  return (
    <Select
      id={id}
      mode="tags"
      value={value}
      onChange={(v: string[]) => onChange?.([...new Set(v.map((d) => d.trim()).filter(Boolean))].sort())}
      tokenSeparators={[',', '，', ' ', '\n']}
      placeholder={t('calendar.datesPlaceholder')}
      open={false}
      style={{ width: '100%' }}
    />
  );
}

/** 校历: the holidays, swapped workdays and vacations every deadline is counted against (school working days). */
export function CalendarPage() {
  const { t } = useTranslation();
  const localize = useLocalize();
  const { message } = App.useApp();
  const canEdit = useCan('update', 'Calendar');
  const [form] = Form.useForm<Values>();
  const query = useQuery({ queryKey: ['calendar'], queryFn: () => call(api.GET('/api/calendar')), retry: false });
  // The statutory years' versions (the card's own query): the 工作日计算 starts afresh when they change.
  const statutory = useStatutoryYears();
  const statutoryStamp = (statutory.data?.items ?? []).map((y) => `${y.year}.${y.version}`).join(',');
  const cal = query.data;
  const fill = (c: DistrictCalendar) =>
    form.setFieldsValue({
      holidays: c.holidays,
      workdays: c.workdays,
      vacations: c.vacations.map((v) => ({ name: v.name, range: [dayjs(v.from), dayjs(v.to)] })),
    });
  useEffect(() => {
    if (cal) fill(cal);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [cal]);

  const {
    submit: save,
    pending,
    error,
    errorText,
    clearError,
  } = useSubmit(async (v: Values) => {
    if (!cal) return;
    const body = {
      holidays: v.holidays ?? [],
      workdays: v.workdays ?? [],
      vacations: (v.vacations ?? []).map((x) => ({
        name: x.name,
        from: x.range[0].format(DAY),
        to: x.range[1].format(DAY),
      })),
      expectedVersion: cal.version,
    };
    const saved = await call(api.PUT('/api/calendar', { body }));
    query.refetch().catch(() => undefined);
    fill(saved);
    void message.success(t('calendar.saved'));
  });
  if (query.isLoading) return <Skeleton active />;
  if (query.isError || !cal) return <ErrorResult error={query.error} onRetry={() => void query.refetch()} />;
  const stale = error?.code === 'VERSION_CONFLICT';
  return (
    <div data-testid="calendar-page">
      <div style={{ marginBottom: 12 }}>
        <PageTitle>{t('calendar.calendar')}</PageTitle>
      </div>
      <Typography.Paragraph type="secondary">{t('calendar.hint')}</Typography.Paragraph>
      <StatutoryCard canEdit={canEdit} />
      {stale && (
        <StaleAlert
          onReload={() =>
            void query.refetch().then((r) => {
              clearError();
              if (r.data) fill(r.data);
            })
          }
        />
      )}
      {error && !stale && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          message={errorText}
          description={
            Object.entries(error.fieldErrors)
              .map(([k, m]) => `${k}: ${localize(m)}`)
              .join('；') || undefined
          }
        />
      )}
      <Form<Values> form={form} layout="vertical" onFinish={(v) => void save(v)} disabled={!canEdit || stale}>
        <Row gutter={16}>
          <Col xs={24} lg={12}>
            <Card size="small" title={t('calendar.holidays')} style={{ marginBottom: 16 }}>
              <Form.Item
                name="holidays"
                extra={t('calendar.holidaysHint')}
                rules={[
                  {
                    validator: (_, v: string[] = []) =>
                      v.every((d) => dayjs(d, DAY, true).isValid())
                        ? Promise.resolve()
                        : Promise.reject(new Error(t('calendar.badDate'))),
                  },
                ]}
              >
                <DateTags />
              </Form.Item>
            </Card>
            <Card size="small" title={t('calendar.workdays')}>
              <Form.Item
                name="workdays"
                extra={t('calendar.workdaysHint')}
                rules={[
                  {
                    validator: (_, v: string[] = []) =>
                      v.every((d) => dayjs(d, DAY, true).isValid())
                        ? Promise.resolve()
                        : Promise.reject(new Error(t('calendar.badDate'))),
                  },
                ]}
              >
                <DateTags />
              </Form.Item>
            </Card>
          </Col>
          <Col xs={24} lg={12}>
            <Card size="small" title={t('calendar.vacations')}>
              <Form.List name="vacations">
                {(fields, { add, remove }) => (
                  <>
                    {fields.map((f) => (
                      <Space key={f.key} align="baseline" wrap>
                        <Form.Item
                          name={[f.name, 'name']}
                          rules={[{ required: true, whitespace: true, message: t('calendar.vacationName') }]}
                        >
                          <Input placeholder={t('calendar.vacationName')} style={{ width: 140 }} />
                        </Form.Item>
                        <Form.Item
                          name={[f.name, 'range']}
                          rules={[{ required: true, message: t('calendar.vacationRange') }]}
                        >
                          <DatePicker.RangePicker />
                        </Form.Item>
                        {canEdit && (
                          <MinusCircleOutlined onClick={() => remove(f.name)} aria-label={t('calendar.remove')} />
                        )}
                      </Space>
                    ))}
                    {canEdit && (
                      <Button type="dashed" icon={<PlusOutlined />} onClick={() => add()}>
                        {t('calendar.addVacation')}
                      </Button>
                    )}
                  </>
                )}
              </Form.List>
            </Card>
          </Col>
        </Row>
        {canEdit && (
          <Button type="primary" htmlType="submit" loading={pending} style={{ marginTop: 16 }}>
            {t('buttons.save')}
          </Button>
        )}
      </Form>
      <WorkdayCalculator key={`${cal.version}/${statutoryStamp}`} />
    </div>
  );
}
