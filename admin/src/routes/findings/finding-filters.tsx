import { Checkbox, Form, Input, Select, type FormItemProps, type FormProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { FilterActions } from '../../components/filter-actions';
import { useOrgOptions } from '../../hooks/use-reference-data';
import { LAYER_KEYS, type FindingQuery } from '../../lib/findings-link';

export type FindingFilterValues = FindingQuery;

/** The API's flags are `=1` or absent: a ticked box sends '1', an unticked one drops the filter. */
const flag: Pick<FormItemProps, 'valuePropName' | 'getValueFromEvent' | 'getValueProps'> = {
  getValueProps: (v: unknown) => ({ checked: v === '1' || v === true }),
  getValueFromEvent: (e: { target: { checked: boolean } }) => (e.target.checked ? '1' : undefined),
};

/** Server-side filters of 整改问题 (GET /api/findings): school, round, layer, severity, status and the bureau's flags. */
export function FindingFilters({ formProps, showSchool }: { formProps: FormProps<FindingFilterValues>; showSchool: boolean }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<FindingFilterValues>();
  const usedForm = formProps.form ?? form;
  const orgs = useOrgOptions('school');
  return (
    <Form<FindingFilterValues> layout="inline" {...formProps} form={usedForm} style={{ rowGap: 12, marginBottom: 16 }} data-testid="finding-filters">
      {showSchool && (
        <Form.Item name="schoolId" label={t('findings.school')}>
          <Select allowClear showSearch optionFilterProp="label" style={{ width: 200 }} loading={orgs.loading} options={orgs.options} placeholder={t('common.all')} />
        </Form.Item>
      )}
      <Form.Item name="round" label={t('findings.round')}>
        <Input allowClear style={{ width: 140 }} placeholder={t('findings.roundPlaceholder')} />
      </Form.Item>
      <Form.Item name="layer" label={t('findings.layer')}>
        <Select
          allowClear
          style={{ width: 130 }}
          placeholder={t('common.all')}
          options={Object.entries(LAYER_KEYS).map(([value, key]) => ({ value, label: t(`dashboard.layers.${key}`) }))}
        />
      </Form.Item>
      <Form.Item name="severity" label={t('findings.severityLabel')}>
        <Select
          allowClear
          style={{ width: 110 }}
          placeholder={t('common.all')}
          data-testid="filter-severity"
          options={(['high', 'medium', 'low'] as const).map((value) => ({ value, label: t(`findings.severity.${value}`) }))}
        />
      </Form.Item>
      <Form.Item name="status" label={t('findings.status')}>
        <Select
          allowClear
          style={{ width: 110 }}
          placeholder={t('common.all')}
          options={(['open', 'closed'] as const).map((value) => ({ value, label: t(`findings.statuses.${value}`) }))}
        />
      </Form.Item>
      <Form.Item name="overdue" {...flag}>
        <Checkbox data-testid="filter-overdue">{t('findings.overdue')}</Checkbox>
      </Form.Item>
      <Form.Item name="escalated" {...flag}>
        <Checkbox>{t('findings.escalated')}</Checkbox>
      </Form.Item>
      <Form.Item name="repeat" {...flag}>
        <Checkbox>{t('findings.repeat')}</Checkbox>
      </Form.Item>
      <Form.Item name="offline" {...flag}>
        <Checkbox>{t('findings.offline')}</Checkbox>
      </Form.Item>
      <FilterActions form={usedForm} />
    </Form>
  );
}
