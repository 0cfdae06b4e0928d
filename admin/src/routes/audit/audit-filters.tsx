import { DatePicker, Form, type FormProps, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';

import { FilterActions } from '../../components/filter-actions';
import { FilterPanel } from '../../components/responsive-table/filter-panel';
import { UserPicker } from '../../components/user-picker';

export type AuditFilterValues = {
  actorId?: string;
  action?: string;
  entityType?: string;
  outcome?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
};

const ENTITY_TYPES = ['Instance', 'Definition', 'Task', 'AuditEvent', 'Organisation', 'User', 'RoleGrant', 'Session'];
const OUTCOMES = ['success', 'denied', 'failed'];

export function AuditFilters({ formProps }: { formProps: FormProps<AuditFilterValues> }) {
  const { t } = useTranslation();
  const [fallback] = Form.useForm<AuditFilterValues>();
  const form = formProps.form ?? fallback;
  return (
    <FilterPanel form={form}>
      <Form<AuditFilterValues> layout="inline" {...formProps} form={form} style={{ rowGap: 12, marginBottom: 16 }}>
        {/* Found by name in the directory (the auditor reads every account); the filter sends the id. */}
        <Form.Item name="actorId" label={t('audit.actor')} style={{ minWidth: 260 }}>
          <UserPicker placeholder={t('audit.actorPlaceholder')} />
        </Form.Item>
        <Form.Item name="action" label={t('audit.action')}>
          <Input allowClear style={{ width: 180 }} placeholder={t('audit.actionPlaceholder')} />
        </Form.Item>
        <Form.Item name="entityType" label={t('audit.entityType')}>
          <Select
            allowClear
            style={{ width: 140 }}
            placeholder={t('common.all')}
            options={ENTITY_TYPES.map((v) => ({ value: v, label: t(`audit.entities.${v}`) }))}
          />
        </Form.Item>
        <Form.Item name="outcome" label={t('audit.outcome')}>
          <Select
            allowClear
            style={{ width: 120 }}
            placeholder={t('common.all')}
            options={OUTCOMES.map((v) => ({ value: v, label: t(`audit.outcomes.${v}`) }))}
          />
        </Form.Item>
        <Form.Item name="range" label={t('audit.when')}>
          <DatePicker.RangePicker allowEmpty={[true, true]} />
        </Form.Item>
        <FilterActions form={form} />
      </Form>
    </FilterPanel>
  );
}
