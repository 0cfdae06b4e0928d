import { Card, Input, Radio, Select, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

import type { FieldDef } from '../types/contract';
import { itemField, useItemEvidence } from './item-evidence/item-evidence-context';
import { ItemEvidenceRow } from './item-evidence/item-evidence-row';
import { useLocalize } from './localized-text';

type Row = Record<string, unknown>;
type Props = { field: FieldDef; disabled?: boolean; value?: unknown; onChange?: (value: unknown) => void };

/** Columns that describe a checklist item (fixed by the checklist); every other column is an answer. */
const DESCRIPTIVE = new Set(['code', 'layer', 'title', 'name', 'guidance', 'evidence']);

/** A table field is a checklist when it has a `result` column with choices (pass / fail / not applicable). */
export function isChecklist(field: FieldDef): boolean {
  return !!field.columns?.some((c) => c.name === 'result' && c.options?.length);
}

/**
 * 检查单, item by item: each item a card with large result buttons (touch-friendly on a tablet); the
 * severity asked only when the item failed, a note always. Items stay in the checklist's order by layer.
 */
export function ChecklistInput({ field, disabled, value, onChange }: Props) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const rows: Row[] = Array.isArray(value) ? value.filter((r): r is Row => typeof r === 'object' && r !== null) : [];
  const cols = field.columns ?? [];
  const result = cols.find((c) => c.name === 'result');
  const answers = cols.filter((c) => !c.readonly && !DESCRIPTIVE.has(c.name) && c.name !== 'result');
  const update = (index: number, name: string, v: unknown) =>
    onChange?.(rows.map((r, i) => (i === index ? { ...r, [name]: v } : r)));
  const failed = rows.filter((r) => r.result === 'fail').length;
  const answered = rows.filter((r) => typeof r.result === 'string' && r.result).length;
  const evidence = useItemEvidence();
  const rowError = (code: unknown) => typeof code === 'string' && !!evidence?.errors[itemField(field.name, code)];
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="checklist">
      <Typography.Text type="secondary">
        {t('checklist.progress', { answered, total: rows.length, failed })}
      </Typography.Text>
      {rows.map((row, index) => (
        <Card
          key={String(row.code ?? index)}
          size="small"
          data-testid={`checklist-item-${String(row.code ?? index)}`}
          style={{ borderColor: rowError(row.code) ? '#ff4d4f' : row.result === 'fail' ? '#ffa39e' : undefined }}
        >
          <Space direction="vertical" style={{ width: '100%' }} size={8}>
            <Space wrap size={6}>
              {typeof row.code === 'string' && <Tag>{row.code}</Tag>}
              {typeof row.layer === 'string' && (
                <Tag color="blue" bordered={false}>
                  {row.layer}
                </Tag>
              )}
              <Typography.Text strong>{String(row.title ?? row.name ?? '')}</Typography.Text>
            </Space>
            {result && (
              <Radio.Group
                disabled={disabled}
                optionType="button"
                buttonStyle="solid"
                value={row.result}
                onChange={(e) => update(index, 'result', e.target.value)}
                options={(result.options ?? []).map((o) => ({ value: o.value, label: localize(o.label) }))}
                aria-label={localize(result.label)}
              />
            )}
            {answers.map((col) =>
              col.options ? (
                (col.name !== 'severity' || row.result === 'fail') && (
                  <Select
                    key={col.name}
                    disabled={disabled}
                    value={row[col.name] as string | undefined}
                    onChange={(v) => update(index, col.name, v)}
                    options={col.options.map((o) => ({ value: o.value, label: localize(o.label) }))}
                    placeholder={t('form.select', { label: localize(col.label) })}
                    style={{ width: 200 }}
                    aria-label={localize(col.label)}
                  />
                )
              ) : (
                <Input
                  key={col.name}
                  disabled={disabled}
                  value={(row[col.name] as string) ?? ''}
                  onChange={(e) => update(index, col.name, e.target.value)}
                  placeholder={t('form.placeholder', { label: localize(col.label) })}
                  aria-label={localize(col.label)}
                />
              ),
            )}
            {typeof row.code === 'string' && (
              <ItemEvidenceRow table={field.name} code={row.code} failed={row.result === 'fail'} disabled={disabled} />
            )}
          </Space>
        </Card>
      ))}
    </Space>
  );
}
