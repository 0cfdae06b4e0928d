import { Checkbox, Form, type FormProps, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';

import { FilterActions } from '../../components/filter-actions';
import { flagItem } from '../../components/flag-item';
import { FilterPanel } from '../../components/responsive-table/filter-panel';
import { useOrgOptions } from '../../hooks/use-reference-data';
import { type FindingQuery, LAYER_KEYS } from '../../lib/findings-link';

export type FindingFilterValues = FindingQuery;

/** Server-side filters of 整改问题 (GET /api/findings): school, round, layer, severity, status and the bureau's flags. */
export function FindingFilters({
  formProps,
  showSchool,
}: {
  formProps: FormProps<FindingFilterValues>;
  showSchool: boolean;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<FindingFilterValues>();
  const usedForm = formProps.form ?? form;
  const orgs = useOrgOptions('school');
  return (
    <FilterPanel form={usedForm}>
      <Form<FindingFilterValues>
        layout="inline"
        {...formProps}
        form={usedForm}
        style={{ rowGap: 12, marginBottom: 16 }}
        data-testid="finding-filters"
      >
        {showSchool && (
          <Form.Item name="schoolId" label={t('findings.school')}>
            <Select
              allowClear
              showSearch
              optionFilterProp="label"
              style={{ width: 200 }}
              loading={orgs.loading}
              options={orgs.options}
              placeholder={t('common.all')}
            />
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
            options={(['high', 'medium', 'low'] as const).map((value) => ({
              value,
              label: t(`findings.severity.${value}`),
            }))}
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
        <Form.Item name="overdue" {...flagItem}>
          <Checkbox data-testid="filter-overdue">{t('findings.overdue')}</Checkbox>
        </Form.Item>
        <Form.Item name="escalated" {...flagItem}>
          <Checkbox>{t('findings.escalated')}</Checkbox>
        </Form.Item>
        <Form.Item name="repeat" {...flagItem}>
          <Checkbox>{t('findings.repeat')}</Checkbox>
        </Form.Item>
        <Form.Item name="offline" {...flagItem}>
          <Checkbox>{t('findings.offline')}</Checkbox>
        </Form.Item>
        <FilterActions form={usedForm} />
      </Form>
    </FilterPanel>
  );
}
