import { Table, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

type Row = Record<string, unknown>;
export type ViewColumn = { key: string; title: ReactNode; render?: (row: Row) => ReactNode; width?: number };

export const rowsOf = (v: unknown): Row[] =>
  Array.isArray(v) ? v.filter((r): r is Row => typeof r === 'object' && r !== null) : [];
export const textOf = (v: unknown) =>
  v === undefined || v === null ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);

/** A read-only list of a reference document, with its heading and row count; an empty list says so. */
export function ViewTable({
  title,
  data,
  columns,
  testId,
}: {
  title?: ReactNode;
  data: Row[];
  columns: ViewColumn[];
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <div style={{ marginBottom: 16 }} data-testid={testId}>
      {title && (
        <Typography.Title level={5} style={{ marginTop: 8 }}>
          {title} <Tag>{data.length}</Tag>
        </Typography.Title>
      )}
      <Table
        size="small"
        rowKey={(_, i) => String(i)}
        dataSource={data}
        pagination={data.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('refedit.view.none') }}
        columns={columns.map((c) => ({
          key: c.key,
          title: c.title,
          width: c.width,
          render: (_: unknown, r: Row) => (c.render ? c.render(r) : textOf(r[c.key])),
        }))}
      />
    </div>
  );
}
