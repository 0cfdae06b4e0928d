import { Descriptions, Tag } from 'antd';
import { useTranslation } from 'react-i18next';

import { rowsOf, textOf, ViewTable } from './view-table';

/** 白名单 for reading: the year's caps, the items with their windows and caps, the burden list, emergency additions. */
export function WhitelistView({ content }: { content: Record<string, unknown> }) {
  const { t } = useTranslation();
  const kindLabel = (k: string) => t(`orgs.kinds.${k}`, { defaultValue: k });
  return (
    <>
      <Descriptions size="small" bordered column={{ xs: 1, md: 3 }} style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('refedit.whitelist.year')}>{textOf(content.year)}</Descriptions.Item>
        <Descriptions.Item label={t('refedit.whitelist.schoolCap')}>
          {t('refedit.view.times', { n: content.schoolCapPerSemester })}
        </Descriptions.Item>
        <Descriptions.Item label={t('refedit.whitelist.leadTime')}>
          {t('refedit.view.days', { n: content.leadTimeDays })}
        </Descriptions.Item>
      </Descriptions>
      <ViewTable
        title={t('refedit.whitelist.items')}
        testId="reference-list-items"
        data={rowsOf(content.items)}
        columns={[
          { key: 'code', title: t('refedit.cols.code') },
          { key: 'name', title: t('refedit.whitelist.name') },
          { key: 'leadUnit', title: t('refedit.whitelist.leadUnit') },
          { key: 'basis', title: t('refedit.whitelist.basis'), width: 220 },
          { key: 'content', title: t('refedit.whitelist.content'), width: 200 },
          { key: 'form', title: t('refedit.whitelist.form') },
          {
            key: 'scope',
            title: t('refedit.whitelist.scope'),
            render: (r) =>
              Array.isArray(r.scope) && r.scope.length
                ? r.scope.map((s) => <Tag key={String(s)}>{kindLabel(String(s))}</Tag>)
                : t('refedit.whitelist.scopeAll'),
          },
          {
            key: 'window',
            title: t('refedit.whitelist.window'),
            render: (r) => {
              const w = (r.window ?? {}) as { from?: string; to?: string };
              return `${w.from ?? ''} ~ ${w.to ?? ''}`;
            },
          },
          { key: 'frequencyPerSemester', title: t('refedit.whitelist.frequency') },
        ]}
      />
      <ViewTable
        title={t('refedit.burden.title')}
        testId="reference-list-burdenList"
        data={rowsOf(content.burdenList)}
        columns={[
          { key: 'code', title: t('refedit.cols.code') },
          { key: 'name', title: t('refedit.burden.name') },
          { key: 'rule', title: t('refedit.burden.rule') },
        ]}
      />
      <ViewTable
        title={t('refedit.emergency.title')}
        testId="reference-list-emergencyApprovals"
        data={rowsOf(content.emergencyApprovals)}
        columns={[
          { key: 'no', title: t('refedit.emergency.no') },
          { key: 'itemCode', title: t('refedit.emergency.item') },
          { key: 'approvedOn', title: t('refedit.emergency.approvedOn') },
        ]}
      />
    </>
  );
}
