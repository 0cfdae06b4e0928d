import { Descriptions, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ReferenceKind } from './reference-kinds';

type Row = Record<string, unknown>;
const rows = (v: unknown): Row[] => (Array.isArray(v) ? v.filter((r): r is Row => typeof r === 'object' && r !== null) : []);
const isRecord = (v: unknown): v is Row => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown) => (v === undefined || v === null ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v));

/** The columns worth reading for a list inside a reference document; unknown lists show their own keys. */
function TableOf({ data, columns, testId }: { data: Row[]; columns: string[]; testId?: string }) {
  const { t } = useTranslation();
  const keys = columns.length ? columns : Object.keys(data[0] ?? {}).slice(0, 6);
  return (
    <Table
      size="small"
      data-testid={testId}
      rowKey={(_, i) => String(i)}
      dataSource={data}
      pagination={data.length > 12 ? { pageSize: 12 } : false}
      columns={keys.map((k) => ({ key: k, title: t(`reference.cols.${k}`, { defaultValue: k }), render: (_: unknown, r: Row) => text(r[k]) }))}
      style={{ marginBottom: 16 }}
    />
  );
}

/** A reference document laid out for reading: items, lists, caps and quotas rather than raw JSON. */
export function ReferenceContent({ kind, content }: { kind: ReferenceKind; content: Record<string, unknown> }) {
  const { t } = useTranslation();
  const scalars = Object.entries(content).filter(([, v]) => v === null || typeof v !== 'object');
  const lists = Object.entries(content).filter(([, v]) => Array.isArray(v));
  const nested = Object.entries(content).flatMap(([k, v]) => (isRecord(v) ? [[k, v] as const] : []));
  const columnsFor: Record<string, string[]> = {
    items: kind === 'checklists' ? ['code', 'layer', 'title', 'evidence'] : [],
    burdenList: ['code', 'name', 'rule'],
    criteria: ['key', 'name', 'maxScore'],
  };
  return (
    <>
      {scalars.length > 0 && (
        <Descriptions size="small" bordered column={{ xs: 1, md: 2 }} style={{ marginBottom: 16 }}>
          {scalars.map(([k, v]) => (
            <Descriptions.Item key={k} label={t(`reference.cols.${k}`, { defaultValue: k })}>
              {typeof v === 'boolean' ? (v ? t('common.yes') : t('common.no')) : text(v)}
            </Descriptions.Item>
          ))}
        </Descriptions>
      )}
      {lists.map(([k, v]) => (
        <div key={k}>
          <Typography.Title level={5}>
            {t(`reference.cols.${k}`, { defaultValue: k })} <Tag>{rows(v).length}</Tag>
          </Typography.Title>
          <TableOf data={rows(v)} columns={columnsFor[k] ?? []} testId={`reference-list-${k}`} />
        </div>
      ))}
      {nested.map(([k, v]) => (
        <div key={k}>
          <Typography.Title level={5}>{t(`reference.cols.${k}`, { defaultValue: k })}</Typography.Title>
          <ReferenceContent kind={kind} content={v} />
        </div>
      ))}
    </>
  );
}
