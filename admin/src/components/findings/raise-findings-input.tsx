import { useQuery } from '@tanstack/react-query';
import { Card, Form, Input, InputNumber, Radio, Segmented, Space, Switch, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { api, call } from '../../api/client';
import { inDistrict } from '../../config/time';
import type { FieldDef, FindingsConfig, Severity } from '../../types/contract';
import { itemField, useItemEvidence } from '../item-evidence/item-evidence-context';
import { ItemEvidenceRow } from '../item-evidence/item-evidence-row';
import { useLocalize } from '../localized-text';
import { useFindingsContext } from './findings-context';

type Raise = Extract<FindingsConfig, { mode: 'raise' }>;
type Item = Record<string, unknown> & { code: string };
/** One row of a raise field (workflows/src/forms/findings.ts RaisedRow). */
export type RaisedRow = {
  code: string;
  severity: Severity;
  workdays: number;
  offline?: boolean;
  noticeNo?: string;
  note?: string;
};
type Props = { field: FieldDef; config: Raise; disabled?: boolean; value?: unknown; onChange?: (v: unknown) => void };

const itemsOf = (v: unknown): Item[] =>
  Array.isArray(v) ? v.filter((r): r is Item => typeof r === 'object' && r !== null && typeof r.code === 'string') : [];

/** A new finding on a failed item: the school's own severity when the field declares it, else the middle one, and its time. */
function newRow(config: Raise, item: Item): RaisedRow {
  const rule =
    config.severities.find((s) => s.value === item.severity) ??
    config.severities[Math.floor((config.severities.length - 1) / 2)]!;
  return { code: item.code, severity: rule.value, workdays: rule.workdays };
}

/** One finding per failed item, in the checklist's order: rows kept, new failures added, others dropped. */
function reconcile(config: Raise, items: Item[], rows: RaisedRow[]): RaisedRow[] {
  const by = new Map(rows.map((r) => [r.code, r]));
  return items.filter((i) => i.result === 'fail').map((i) => by.get(i.code) ?? newRow(config, i));
}

/** The deadline the time gives, counted by the server's school calendar from today (the same count the ledger makes). */
function DueOn({ workdays }: { workdays: number }) {
  const { t } = useTranslation();
  const from = inDistrict(new Date().toISOString()).format('YYYY-MM-DD');
  const due = useQuery({
    queryKey: ['due-date', from, workdays],
    queryFn: () => call(api.GET('/api/calendar/due-date', { params: { query: { from, workdays } } })),
    enabled: Number.isInteger(workdays) && workdays > 0,
    staleTime: 60 * 60_000,
    retry: false,
  });
  if (!due.data) return null;
  return (
    <Typography.Text type="secondary" data-testid="finding-due-on">
      {t('findingItems.dueOn', { date: due.data.dueDate })}
    </Typography.Text>
  );
}

/**
 * 提出整改问题, item by item, on a tablet: every checklist item with large result buttons; an item marked
 * 不符合 opens its finding — severity (the definition's), deadline pre-filled by the severity, offline order
 * where the severity allows one, the paper notice's number, a description and the site photo. The result
 * is written back to the checklist field, the finding to this field.
 */
export function RaiseFindingsInput({ field, config, disabled, value, onChange }: Props) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const form = Form.useFormInstance();
  const items = itemsOf(Form.useWatch(config.itemsField, form));
  const ctx = useFindingsContext();
  const evidence = useItemEvidence();
  const [onlyFailed, setOnlyFailed] = useState(false);
  const rows = Array.isArray(value) ? (value as RaisedRow[]) : [];
  const resultColumn = ctx?.fields.get(config.itemsField)?.columns?.find((c) => c.name === 'result');

  // The findings follow the checklist: a failure opens one, a result changed back closes it.
  useEffect(() => {
    const next = reconcile(config, items, rows);
    if (JSON.stringify(next) !== JSON.stringify(rows)) onChange?.(next);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [JSON.stringify(items.map((i) => [i.code, i.result]))]);

  const setResult = (code: string, result: string) => {
    const next = items.map((i) => (i.code === code ? { ...i, result } : i));
    form.setFieldValue(config.itemsField, next);
    onChange?.(reconcile(config, next, rows));
  };
  const setRow = (code: string, patch: Partial<RaisedRow>) =>
    onChange?.(rows.map((r) => (r.code === code ? { ...r, ...patch } : r)));
  const setSeverity = (code: string, severity: Severity) => {
    const rule = config.severities.find((s) => s.value === severity)!;
    // The deadline follows the severity (pre-filled); an offline order stays only where the severity allows it.
    setRow(code, { severity, workdays: rule.workdays, ...(rule.offline ? {} : { offline: undefined }) });
  };

  const failed = items.filter((i) => i.result === 'fail').length;
  const shown = onlyFailed ? items.filter((i) => i.result === 'fail') : items;
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid={`findings-raise-${field.name}`}>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Text type="secondary" data-testid="findings-summary">
          {t('findingItems.summary', { total: items.length, failed, raised: rows.length })}
        </Typography.Text>
        <Segmented
          value={onlyFailed ? 'failed' : 'all'}
          onChange={(v) => setOnlyFailed(v === 'failed')}
          options={[
            { value: 'all', label: t('findingItems.showAll') },
            { value: 'failed', label: t('findingItems.showFailed') },
          ]}
        />
      </Space>
      {failed === 0 && <Typography.Text type="secondary">{t('findingItems.noFailed')}</Typography.Text>}
      {shown.map((item) => {
        const row = rows.find((r) => r.code === item.code);
        const rule = row ? config.severities.find((s) => s.value === row.severity) : undefined;
        const error = evidence?.errors[itemField(field.name, item.code)];
        return (
          <Card
            key={item.code}
            size="small"
            data-testid={`finding-item-${item.code}`}
            style={{ borderColor: error ? '#ff4d4f' : row ? '#ffa39e' : undefined }}
          >
            <Space direction="vertical" style={{ width: '100%' }} size={8}>
              <Space wrap size={6}>
                <Tag>{item.code}</Tag>
                {typeof item.layer === 'string' && (
                  <Tag color="blue" bordered={false}>
                    {item.layer}
                  </Tag>
                )}
                <Typography.Text strong>{String(item.title ?? '')}</Typography.Text>
              </Space>
              <Radio.Group
                disabled={disabled}
                optionType="button"
                buttonStyle="solid"
                size="large"
                value={item.result}
                onChange={(e) => setResult(item.code, e.target.value as string)}
                options={(resultColumn?.options ?? []).map((o) => ({ value: o.value, label: localize(o.label) }))}
                aria-label={resultColumn ? localize(resultColumn.label) : item.code}
              />
              {typeof item.note === 'string' && item.note && (
                <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                  {item.note}
                </Typography.Text>
              )}
              {row && rule && (
                <div
                  data-testid={`finding-editor-${item.code}`}
                  style={{ background: '#fff7f6', borderRadius: 6, padding: '8px 12px' }}
                >
                  <Space direction="vertical" style={{ width: '100%' }} size={10}>
                    <div>
                      <Typography.Text>{t('findingItems.severity')}</Typography.Text>
                      <div>
                        <Radio.Group
                          disabled={disabled}
                          optionType="button"
                          buttonStyle="solid"
                          size="large"
                          value={row.severity}
                          onChange={(e) => setSeverity(item.code, e.target.value as Severity)}
                          options={config.severities.map((s) => ({ value: s.value, label: localize(s.label) }))}
                          aria-label={t('findingItems.severity')}
                          data-testid={`finding-severity-${item.code}`}
                        />
                      </div>
                    </div>
                    <div>
                      <div>
                        <Typography.Text>{t('findingItems.workdays')}</Typography.Text>
                      </div>
                      <Space wrap align="center">
                        <span data-testid={`finding-workdays-${item.code}`}>
                          <InputNumber
                            disabled={disabled}
                            min={1}
                            max={120}
                            precision={0}
                            size="large"
                            value={row.workdays}
                            onChange={(v) => typeof v === 'number' && setRow(item.code, { workdays: v })}
                            addonAfter={t('findingItems.workdaysUnit')}
                            aria-label={t('findingItems.workdays')}
                            style={{ width: 180 }}
                          />
                        </span>
                        <DueOn workdays={row.workdays} />
                      </Space>
                      <div>
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {t('findingItems.prefilled', { severity: localize(rule.label), days: rule.workdays })}
                        </Typography.Text>
                      </div>
                    </div>
                    {rule.offline && (
                      <Space align="center" wrap>
                        <Switch
                          disabled={disabled}
                          checked={row.offline === true}
                          onChange={(on) => setRow(item.code, { offline: on || undefined })}
                          aria-label={t('findingItems.offline')}
                          data-testid={`finding-offline-${item.code}`}
                        />
                        <Typography.Text>{t('findingItems.offline')}</Typography.Text>
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {t('findingItems.offlineHint')}
                        </Typography.Text>
                      </Space>
                    )}
                    <div>
                      <Typography.Text>{t('findingItems.noticeNo')}</Typography.Text>
                      <Input
                        disabled={disabled}
                        size="large"
                        maxLength={60}
                        value={row.noticeNo ?? ''}
                        onChange={(e) => setRow(item.code, { noticeNo: e.target.value || undefined })}
                        placeholder={t('findingItems.noticeNoPlaceholder')}
                        aria-label={t('findingItems.noticeNo')}
                        data-testid={`finding-notice-${item.code}`}
                      />
                    </div>
                    <div>
                      <Typography.Text>{t('findingItems.description')}</Typography.Text>
                      <Input.TextArea
                        disabled={disabled}
                        rows={2}
                        maxLength={2000}
                        value={row.note ?? ''}
                        onChange={(e) => setRow(item.code, { note: e.target.value || undefined })}
                        placeholder={t('findingItems.descriptionPlaceholder')}
                        aria-label={t('findingItems.description')}
                      />
                    </div>
                    <div>
                      <Typography.Text>{t('findingItems.photo')}</Typography.Text>
                      <ItemEvidenceRow table={config.itemsField} code={item.code} failed disabled={disabled} />
                    </div>
                  </Space>
                </div>
              )}
              {error && (
                <Typography.Text type="danger" data-testid={`finding-error-${item.code}`}>
                  {localize(error)}
                </Typography.Text>
              )}
            </Space>
          </Card>
        );
      })}
    </Space>
  );
}
