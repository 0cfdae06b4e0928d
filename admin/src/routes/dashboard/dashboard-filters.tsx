import { useList } from '@refinedev/core';
import { Card, DatePicker, Form, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';

import { districtDayBounds } from '../../config/time';
import type { Org } from '../../types/contract';
import type { ReportFilters } from './use-report';

export type FilterValues = { range?: [Dayjs | null, Dayjs | null] | null; groupId?: string; schoolId?: string };

export function toReportFilters(v: FilterValues): ReportFilters {
  return {
    from: districtDayBounds(v.range?.[0]).start,
    to: districtDayBounds(v.range?.[1]).end,
    groupId: v.groupId || undefined,
    schoolId: v.schoolId || undefined,
  };
}

/** 统计范围: period, education group and school; schools narrow to the chosen group. */
export function DashboardFilters({ onChange }: { onChange: (v: FilterValues) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<FilterValues>();
  const groupId = Form.useWatch('groupId', form);
  const { result, query } = useList<Org>({ resource: 'orgs', pagination: { mode: 'off' } });
  const orgs = result.data ?? [];
  const groups = orgs.filter((o) => o.type === 'group').map((o) => ({ value: o.id, label: o.name }));
  const schools = orgs
    .filter((o) => o.type === 'school' && (!groupId || o.parentId === groupId))
    .map((o) => ({ value: o.id, label: o.name }));
  return (
    <Card size="small" style={{ marginBottom: 16 }}>
      <Form<FilterValues>
        form={form}
        layout="inline"
        style={{ rowGap: 8 }}
        onValuesChange={(changed, all) => {
          if ('groupId' in changed) form.setFieldValue('schoolId', undefined);
          onChange('groupId' in changed ? { ...all, schoolId: undefined } : all);
        }}
      >
        <Form.Item name="range" label={t('dashboard.period')}>
          <DatePicker.RangePicker allowEmpty={[true, true]} />
        </Form.Item>
        <Form.Item name="groupId" label={t('dashboard.group')}>
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            style={{ width: 240 }}
            loading={query.isLoading}
            options={groups}
            placeholder={t('dashboard.allGroups')}
          />
        </Form.Item>
        <Form.Item name="schoolId" label={t('dashboard.school')}>
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            style={{ width: 200 }}
            loading={query.isLoading}
            options={schools}
            placeholder={t('dashboard.allSchools')}
          />
        </Form.Item>
        <Space />
      </Form>
    </Card>
  );
}
