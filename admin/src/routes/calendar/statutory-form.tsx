import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Checkbox, DatePicker, Drawer, Form, Input, InputNumber, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';

import { api, call } from '../../api/client';
import { useLocalize } from '../../components/localized-text';
import { useSubmit } from '../../hooks/use-submit';
import type { StatutoryDay, StatutoryYear } from '../../types/contract';
import { datesBetween, festivalsOf } from './festivals';

type FestivalRow = { name?: string; range?: [Dayjs, Dayjs] | null; makeUp?: Dayjs[] | null };
type Values = {
  year: number;
  documentNo?: string;
  title?: string;
  replacesPackage?: boolean;
  festivals: FestivalRow[];
};
type Props = {
  open: boolean;
  initial?: StatutoryYear;
  defaultYear: number;
  packageYears: number[];
  loaded: StatutoryYear[];
  onClose: () => void;
  onSaved: (y: StatutoryYear) => void;
};

const DAY = 'YYYY-MM-DD';
const isWeekend = (d: Dayjs) => d.day() === 0 || d.day() === 6;

/** Form rows from a loaded year: one per run of days off (its festival's make-up days on the first run). */
function rowsOf(y: StatutoryYear): FestivalRow[] {
  return festivalsOf(y.holidays, y.workdays).flatMap((f): FestivalRow[] => {
    const makeUp = f.makeUp.map((d) => dayjs(d));
    if (f.ranges.length === 0) return [{ name: f.name, range: null, makeUp }];
    return f.ranges.map(([from, to], i) => ({
      name: f.name,
      range: [dayjs(from), dayjs(to)] as [Dayjs, Dayjs],
      makeUp: i === 0 ? makeUp : [],
    }));
  });
}

/** The rows as the API's lists of days. */
function daysOf(rows: FestivalRow[]): { holidays: StatutoryDay[]; workdays: StatutoryDay[] } {
  const holidays: StatutoryDay[] = [];
  const workdays: StatutoryDay[] = [];
  for (const r of rows) {
    const name = (r.name ?? '').trim();
    if (r.range)
      for (const date of datesBetween(r.range[0].format(DAY), r.range[1].format(DAY))) holidays.push({ date, name });
    for (const d of r.makeUp ?? []) workdays.push({ date: d.format(DAY), name });
  }
  return { holidays, workdays };
}

/**
 * 登记年度安排: a year's statutory arrangement typed from the State Council's notice, festival by
 * festival — its days off and its make-up workdays. Dates outside the year cannot be picked, make-up
 * days only on weekends; the server checks everything again and answers in the user's language.
 */
export function StatutoryForm({ open, initial, defaultYear, packageYears, loaded, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const [form] = Form.useForm<Values>();
  const year = Form.useWatch('year', form) ?? initial?.year ?? defaultYear;
  const rows = Form.useWatch('festivals', form) ?? [];
  const current = loaded.find((y) => y.year === year);
  const packageYear = packageYears.includes(year);
  const totals = daysOf(rows.filter(Boolean));
  const outsideYear = (d: Dayjs) => d.year() !== year;
  const initialValues: Values = initial
    ? {
        year: initial.year,
        documentNo: initial.documentNo ?? undefined,
        title: initial.title ?? undefined,
        replacesPackage: initial.replacesPackage,
        festivals: rowsOf(initial),
      }
    : {
        year: defaultYear,
        replacesPackage: false,
        festivals: t('statutory.form.defaultFestivals')
          .split(',')
          .map((name) => ({ name, range: null, makeUp: [] })),
      };

  const {
    submit: save,
    pending,
    error,
    errorText,
  } = useSubmit(async (v: Values) => {
    const body = {
      ...daysOf(v.festivals),
      documentNo: v.documentNo || null,
      title: v.title || null,
      replacesPackage: packageYear && Boolean(v.replacesPackage),
      expectedVersion: current?.version ?? 0,
    };
    onSaved(await call(api.PUT('/api/calendar/statutory/{year}', { params: { path: { year: v.year } }, body })));
  });
  return (
    <Drawer
      open={open}
      onClose={onClose}
      width={760}
      destroyOnHidden
      title={initial ? t('statutory.form.titleEdit', { year: initial.year }) : t('statutory.form.titleNew')}
      extra={
        <Button type="primary" loading={pending} onClick={() => form.submit()} data-testid="statutory-save">
          {t('buttons.save')}
        </Button>
      }
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onFinish={(v) => void save(v)}
        data-testid="statutory-form"
      >
        <Space wrap align="start">
          <Form.Item
            name="year"
            label={t('statutory.form.year')}
            rules={[{ required: true, type: 'integer', min: 2000, max: 2100 }]}
          >
            <InputNumber
              id="statutory-year"
              min={2000}
              max={2100}
              precision={0}
              disabled={Boolean(initial)}
              style={{ width: 110 }}
            />
          </Form.Item>
          <Form.Item name="documentNo" label={t('statutory.form.documentNo')}>
            <Input placeholder={t('statutory.form.documentNoPlaceholder')} maxLength={60} style={{ width: 220 }} />
          </Form.Item>
          <Form.Item name="title" label={t('statutory.form.noticeTitle')}>
            <Input placeholder={t('statutory.form.noticeTitlePlaceholder')} maxLength={200} style={{ width: 320 }} />
          </Form.Item>
        </Space>
        {current && !initial && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            message={t('statutory.form.loadedAlready', { year, version: current.version })}
          />
        )}
        {packageYear && (
          <Form.Item
            name="replacesPackage"
            valuePropName="checked"
            extra={t('statutory.form.replacesPackageHint', { year })}
          >
            <Checkbox>{t('statutory.form.replacesPackage')}</Checkbox>
          </Form.Item>
        )}
        <Typography.Title level={5}>{t('statutory.form.festivals')}</Typography.Title>
        <Typography.Paragraph type="secondary">{t('statutory.form.festivalsHint')}</Typography.Paragraph>
        <Form.List name="festivals">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="start" wrap data-testid="statutory-festival">
                  <Form.Item
                    name={[f.name, 'name']}
                    rules={[{ required: true, whitespace: true, message: t('statutory.form.needName') }]}
                  >
                    <Input placeholder={t('statutory.form.festival')} maxLength={30} style={{ width: 130 }} />
                  </Form.Item>
                  <Form.Item
                    name={[f.name, 'range']}
                    dependencies={[['festivals', f.name, 'makeUp']]}
                    rules={[
                      ({ getFieldValue }) => ({
                        validator: (_, range: unknown) =>
                          range || (getFieldValue(['festivals', f.name, 'makeUp']) ?? []).length > 0
                            ? Promise.resolve()
                            : Promise.reject(new Error(t('statutory.form.needDays'))),
                      }),
                    ]}
                  >
                    <DatePicker.RangePicker
                      placeholder={[t('statutory.form.holidayRange'), t('statutory.form.holidayRange')]}
                      disabledDate={outsideYear}
                      defaultPickerValue={[dayjs(`${year}-01-01`), dayjs(`${year}-01-01`)]}
                      style={{ width: 250 }}
                    />
                  </Form.Item>
                  <Form.Item name={[f.name, 'makeUp']}>
                    <DatePicker
                      multiple
                      placeholder={t('statutory.form.makeUp')}
                      disabledDate={(d) => outsideYear(d) || !isWeekend(d)}
                      defaultPickerValue={dayjs(`${year}-01-01`)}
                      style={{ width: 240 }}
                      maxTagCount="responsive"
                    />
                  </Form.Item>
                  <MinusCircleOutlined
                    onClick={() => remove(f.name)}
                    aria-label={t('calendar.remove')}
                    style={{ marginTop: 9 }}
                  />
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ name: '', range: null, makeUp: [] })}>
                {t('statutory.form.addFestival')}
              </Button>
            </>
          )}
        </Form.List>
        <Typography.Paragraph style={{ marginTop: 16 }} data-testid="statutory-form-summary">
          {t('statutory.form.summary', { holidays: totals.holidays.length, workdays: totals.workdays.length })}
        </Typography.Paragraph>
        {error && (
          <Alert
            type="error"
            showIcon
            data-testid="statutory-form-error"
            message={errorText}
            description={
              Object.values(error.fieldErrors)
                .map((m) => localize(m))
                .join('；') || undefined
            }
          />
        )}
      </Form>
    </Drawer>
  );
}
