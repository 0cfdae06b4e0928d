import { Alert, Card, Input, Skeleton, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

import type { FindingRow } from '../../routes/findings/finding.types';
import type { FieldDef } from '../../types/contract';
import { itemField, useItemEvidence } from '../item-evidence/item-evidence-context';
import { useLocalize } from '../localized-text';
import { FindingFiles } from './finding-files';
import { FindingHead } from './finding-head';
import { raiseConfigOf, rowsByCode, useFindingsContext, useInstanceFindings } from './findings-context';

type Reply = { code: string; note: string };
type Props = { field: FieldDef; disabled?: boolean; value?: unknown; onChange?: (v: unknown) => void };

/** Evidence of the fix must be newer than the finding, or than its last return. */
export const sinceOf = (f: FindingRow) => (f.returnedAt && f.returnedAt > f.createdAt ? f.returnedAt : f.createdAt);

/** The inspector's description of a finding, from the raise field's row. */
export function useInspectorNote(raiseField: string | undefined) {
  const ctx = useFindingsContext();
  const rows = rowsByCode<{ code: string; note?: string }>(raiseField ? ctx?.data[raiseField] : undefined);
  return (code: string) => rows.get(code)?.note;
}

/**
 * 整改清单: the school's to-do list, one card per open finding — what it is, how severe, by when, the
 * offline order and notice number, the inspector's description and photos, why it came back — with the
 * school's note and its evidence of the fix (camera or file). Closed findings are only counted.
 */
export function RectifyFindingsInput({ field, disabled, value, onChange }: Props) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const ctx = useFindingsContext();
  const evidence = useItemEvidence();
  const raise = raiseConfigOf(field, ctx?.fields);
  const findings = useInstanceFindings(ctx?.instanceId);
  const inspectorNote = useInspectorNote(raise?.field);
  if (!ctx || !raise) return null;
  if (findings.isLoading) return <Skeleton active paragraph={{ rows: 3 }} />;
  const all = findings.data?.items ?? [];
  const open = all.filter((f) => f.status === 'open');
  const notes = rowsByCode<Reply>(value);
  const setNote = (code: string, note: string) =>
    onChange?.(
      open.map((f) => ({ code: f.itemCode, note: f.itemCode === code ? note : (notes.get(f.itemCode)?.note ?? '') })),
    );
  const closed = all.length - open.length;
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid={`findings-rectify-${field.name}`}>
      <Typography.Text type="secondary">
        {t('findingItems.listCount', { open: open.length, total: all.length })}
        {closed > 0 && ` · ${t('findingItems.closedCount', { count: closed })}`}
      </Typography.Text>
      {open.length === 0 && <Typography.Text type="secondary">{t('findingItems.empty')}</Typography.Text>}
      {open.map((f) => {
        const error = evidence?.errors[itemField(field.name, f.itemCode)];
        const described = inspectorNote(f.itemCode);
        return (
          <Card
            key={f.id}
            size="small"
            data-testid={`finding-todo-${f.itemCode}`}
            style={{ borderColor: error ? '#ff4d4f' : undefined }}
          >
            <Space direction="vertical" style={{ width: '100%' }} size={8}>
              <FindingHead row={f} config={raise} />
              {described && (
                <Typography.Text type="secondary">
                  {t('findingItems.inspectorNote', { note: described })}
                </Typography.Text>
              )}
              {f.returnedAt && f.returnNote && (
                <Alert
                  type="warning"
                  showIcon
                  message={t('findingItems.returnedBecause', { note: f.returnNote })}
                  data-testid={`finding-returned-${f.itemCode}`}
                />
              )}
              <div>
                <Typography.Text>{t('findingItems.schoolNote')}</Typography.Text>
                <Input.TextArea
                  disabled={disabled}
                  rows={2}
                  maxLength={2000}
                  value={notes.get(f.itemCode)?.note ?? ''}
                  onChange={(e) => setNote(f.itemCode, e.target.value)}
                  placeholder={t('findingItems.schoolNotePlaceholder')}
                  aria-label={`${f.itemCode} ${t('findingItems.schoolNote')}`}
                  status={error ? 'error' : undefined}
                  data-testid={`finding-note-${f.itemCode}`}
                />
                {error && (
                  <Typography.Text type="danger" data-testid={`finding-error-${f.itemCode}`}>
                    {localize(error)}
                  </Typography.Text>
                )}
              </div>
              <FindingFiles
                table={raise.itemsField}
                code={f.itemCode}
                raisedAt={f.createdAt}
                since={sinceOf(f)}
                canUpload
                disabled={disabled}
              />
            </Space>
          </Card>
        );
      })}
    </Space>
  );
}
