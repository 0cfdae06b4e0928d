import { BLOCK_NAMES, BLOCKS } from '@eduflow/workflows';
import { Checkbox, DatePicker, Form, type FormProps, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

import { FilterActions } from '../../components/filter-actions';
import { flagItem } from '../../components/flag-item';
import { useLocalize } from '../../components/localized-text';
import { FilterPanel } from '../../components/responsive-table/filter-panel';
import { useDefinition, useDefinitions, useOrgOptions } from '../../hooks/use-reference-data';
import { cachedSession } from '../../providers/session';

export type InstanceFilterValues = {
  definitionKey?: string;
  /** A family of workflows: those declaring the block (what dashboard drill-downs filter by). */
  block?: string;
  state?: string;
  status?: string;
  orgId?: string;
  /** '1': running and past 办理时限. */
  overdue?: '1';
  /** '1': resting in a 公示 now. */
  notice?: '1';
  range?: [Dayjs | null, Dayjs | null] | null;
  /** Words of the instance's title. */
  q?: string;
};

/**
 * Whether the user reads every instance of the district (the same test as the API's list): a title search
 * then needs a school or group first, since a substring test over the whole district would scan it.
 */
const readsWholeDistrict = () =>
  cachedSession()
    ?.ability.rulesFor('read', 'Instance')
    .some((r) => !r.conditions && !r.inverted) ?? false;

/** Server-side filters of the instance list (workflow, state, status, organisation, overdue, in 公示, created between). */
export function InstanceFilters({ formProps }: { formProps: FormProps<InstanceFilterValues> }) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const [form] = Form.useForm<InstanceFilterValues>();
  const usedForm = formProps.form ?? form;
  const definitions = useDefinitions();
  // A group is a subject too (bundled assessment), and a ranking click filters by one: offer both.
  const schools = useOrgOptions('school');
  const groups = useOrgOptions('group');
  const orgs = { loading: schools.loading || groups.loading, options: [...groups.options, ...schools.options] };
  const key = Form.useWatch('definitionKey', usedForm);
  const latest = definitions.rows.filter((d) => d.key === key).sort((a, b) => b.version - a.version)[0];
  const { definition } = useDefinition(latest?.id);
  const stateOptions = Object.entries(definition?.definition.states ?? {}).map(([id, s]) => ({
    value: id,
    label: localize(s.name) || id,
  }));
  const orgId = Form.useWatch('orgId', usedForm);
  const searchNeedsOrg = readsWholeDistrict() && !orgId;
  // Clearing the school leaves no words the API could search by.
  useEffect(() => {
    if (searchNeedsOrg && usedForm.getFieldValue('q')) usedForm.setFieldValue('q', undefined);
  }, [searchNeedsOrg, usedForm]);
  const blockOptions = BLOCK_NAMES.map((name) => ({ value: name, label: localize(BLOCKS[name].label) }));
  return (
    <FilterPanel form={usedForm}>
      <Form<InstanceFilterValues>
        layout="inline"
        {...formProps}
        form={usedForm}
        style={{ rowGap: 12, marginBottom: 16 }}
      >
        <Form.Item
          name="q"
          label={t('titles.name')}
          tooltip={searchNeedsOrg ? t('titles.searchNeedsScope') : undefined}
        >
          <Input
            allowClear
            style={{ width: 200 }}
            maxLength={60}
            disabled={searchNeedsOrg}
            placeholder={t('titles.search')}
            data-testid="filter-instances-q"
          />
        </Form.Item>
        <Form.Item name="definitionKey" label={t('fields.workflow')}>
          <Select
            allowClear
            style={{ width: 200 }}
            loading={definitions.loading}
            options={definitions.byKey}
            placeholder={t('common.all')}
            onChange={() => usedForm.setFieldValue('state', undefined)}
          />
        </Form.Item>
        <Form.Item name="block" label={t('instances.blockFilter')} tooltip={t('instances.blockFilterHint')}>
          <Select
            allowClear
            style={{ width: 200 }}
            options={blockOptions}
            placeholder={t('common.all')}
            data-testid="filter-instances-block"
          />
        </Form.Item>
        <Form.Item name="state" label={t('fields.state')}>
          <Select
            allowClear
            style={{ width: 160 }}
            disabled={!key}
            options={stateOptions}
            placeholder={key ? t('common.all') : t('instances.pickWorkflowFirst')}
          />
        </Form.Item>
        <Form.Item name="status" label={t('fields.status')}>
          <Select
            allowClear
            style={{ width: 120 }}
            placeholder={t('common.all')}
            options={[
              { value: 'running', label: t('status.running') },
              { value: 'completed', label: t('status.completed') },
            ]}
          />
        </Form.Item>
        <Form.Item name="orgId" label={t('fields.subject')}>
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            style={{ width: 220 }}
            loading={orgs.loading}
            options={orgs.options}
            placeholder={t('common.all')}
          />
        </Form.Item>
        <Form.Item name="overdue" {...flagItem}>
          <Checkbox data-testid="filter-instances-overdue">{t('instances.overdueOnly')}</Checkbox>
        </Form.Item>
        <Form.Item name="notice" {...flagItem}>
          <Checkbox data-testid="filter-instances-notice">{t('notice.only')}</Checkbox>
        </Form.Item>
        <Form.Item name="range" label={t('fields.createdBetween')}>
          <DatePicker.RangePicker allowEmpty={[true, true]} />
        </Form.Item>
        <FilterActions form={usedForm} />
      </Form>
    </FilterPanel>
  );
}
