import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Input, InputNumber, Select, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

import type { FieldDef } from '../types/contract';
import { useItemEvidence } from './item-evidence/item-evidence-context';
import { ItemEvidenceRow } from './item-evidence/item-evidence-row';
import { useLocalize } from './localized-text';

type Row = Record<string, unknown>;
type Props = { field: FieldDef; disabled?: boolean; value?: unknown; onChange?: (value: unknown) => void };

/** A small editable grid for `table` fields: one input per column, rows added and removed in place. */
export function TableFieldInput({ field, disabled, value, onChange }: Props) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const rows: Row[] = Array.isArray(value) ? (value as Row[]) : [];
  const update = (index: number, name: string, v: unknown) =>
    onChange?.(rows.map((r, i) => (i === index ? { ...r, [name]: v } : r)));
  const evidence = useItemEvidence();
  // Rows fixed by reference data (an indicator system's rows) keep their read-only cells and cannot be added or removed.
  const fixed = (field.columns ?? []).some((c) => c.readonly);
  const rowKey = (row: Row) =>
    typeof row.indicator === 'string' ? row.indicator : typeof row.code === 'string' ? row.code : null;
  const columns = (field.columns ?? []).map((col) => ({
    key: col.name,
    title: localize(col.label),
    render: (_: unknown, row: Row, index: number) =>
      col.readonly ? (
        <Typography.Text>{String(row[col.name] ?? '')}</Typography.Text>
      ) : col.type === 'file' && evidence && rowKey(row) ? (
        // Evidence for this row is an attachment on `<table>.<row key>` (as for checklist items).
        <ItemEvidenceRow table={field.name} code={rowKey(row)!} failed disabled={disabled} />
      ) : col.options ? (
        <Select
          size="small"
          disabled={disabled}
          style={{ minWidth: 120 }}
          value={row[col.name] as string}
          options={col.options.map((o) => ({ value: o.value, label: localize(o.label) }))}
          onChange={(v) => update(index, col.name, v)}
        />
      ) : col.type === 'number' || col.type === 'score' ? (
        <InputNumber
          size="small"
          disabled={disabled}
          value={row[col.name] as number}
          onChange={(v) => update(index, col.name, v)}
        />
      ) : (
        <Input
          size="small"
          disabled={disabled}
          value={(row[col.name] as string) ?? ''}
          onChange={(e) => update(index, col.name, e.target.value)}
        />
      ),
  }));
  if (!fixed)
    columns.push({
      key: '__actions',
      title: '',
      render: (_: unknown, __: Row, index: number) => (
        <Button
          size="small"
          type="text"
          danger
          disabled={disabled}
          aria-label={t('form.removeRow')}
          icon={<DeleteOutlined />}
          onClick={() => onChange?.(rows.filter((_r, i) => i !== index))}
        />
      ),
    });
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Table
        size="small"
        bordered
        pagination={false}
        rowKey={(_r, i) => String(i)}
        dataSource={rows}
        columns={columns}
        locale={{ emptyText: t('form.noRows') }}
      />
      {!fixed && (
        <Button size="small" icon={<PlusOutlined />} disabled={disabled} onClick={() => onChange?.([...rows, {}])}>
          {t('form.addRow')}
        </Button>
      )}
    </Space>
  );
}
