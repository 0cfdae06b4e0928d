import { Card, Input, Radio, Skeleton, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

import type { FieldDef } from '../../types/contract';
import { formatDateTime } from '../date-text';
import { itemField, useItemEvidence } from '../item-evidence/item-evidence-context';
import { useLocalize } from '../localized-text';
import { FindingFiles } from './finding-files';
import { FindingHead } from './finding-head';
import { raiseConfigOf, rowsByCode, useFindingsContext, useInstanceFindings } from './findings-context';
import { sinceOf, useInspectorNote } from './rectify-findings-input';

type Verdict = { code: string; verdict?: 'accepted' | 'returned'; note?: string };
type Props = { field: FieldDef; disabled?: boolean; value?: unknown; onChange?: (v: unknown) => void };

/**
 * 逐项复核: each handed-in finding with the school's note and its evidence of the fix; the inspector accepts
 * it (it closes) or returns it with the reason the school will read. Nothing is chosen for them.
 */
export function VerifyFindingsInput({ field, disabled, value, onChange }: Props) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const ctx = useFindingsContext();
  const evidence = useItemEvidence();
  const raise = raiseConfigOf(field, ctx?.fields);
  const findings = useInstanceFindings(ctx?.instanceId);
  const inspectorNote = useInspectorNote(raise?.field);
  if (!ctx || !raise) return null;
  if (findings.isLoading) return <Skeleton active paragraph={{ rows: 3 }} />;
  const open = (findings.data?.items ?? []).filter((f) => f.status === 'open');
  // The school's replies live in the reply field that answers the same findings.
  const replyField = [...ctx.fields.values()].find(
    (f) => f.findings?.mode === 'rectify' && f.findings.of === raise.field,
  )?.name;
  const replies = rowsByCode<{ code: string; note?: string }>(replyField ? ctx.data[replyField] : undefined);
  const verdicts = rowsByCode<Verdict & { code: string }>(value);
  const set = (code: string, patch: Partial<Verdict>) =>
    onChange?.(
      open.flatMap((f) => {
        const v = { ...verdicts.get(f.itemCode), code: f.itemCode, ...(f.itemCode === code ? patch : {}) };
        if (!v.verdict) return [];
        return [v.verdict === 'accepted' ? { code: v.code, verdict: v.verdict } : v];
      }),
    );
  if (open.length === 0) return <Typography.Text type="secondary">{t('findingItems.noOpen')}</Typography.Text>;
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid={`findings-verify-${field.name}`}>
      {open.map((f) => {
        const v = verdicts.get(f.itemCode);
        const error = evidence?.errors[itemField(field.name, f.itemCode)];
        const described = inspectorNote(f.itemCode);
        return (
          <Card
            key={f.id}
            size="small"
            data-testid={`finding-verdict-${f.itemCode}`}
            style={{ borderColor: error ? '#ff4d4f' : v?.verdict === 'returned' ? '#ffa39e' : undefined }}
          >
            <Space direction="vertical" style={{ width: '100%' }} size={8}>
              <FindingHead row={f} config={raise} />
              {described && (
                <Typography.Text type="secondary">
                  {t('findingItems.inspectorNote', { note: described })}
                </Typography.Text>
              )}
              <div>
                <Typography.Text>{t('findingItems.schoolNote')}：</Typography.Text>
                <Typography.Text data-testid={`finding-reply-${f.itemCode}`}>
                  {replies.get(f.itemCode)?.note || t('findingItems.notHandedIn')}
                </Typography.Text>
                {f.rectifiedAt && (
                  <Typography.Text type="secondary" style={{ fontSize: 12, marginLeft: 8 }}>
                    {t('findingItems.handedInAt', { at: formatDateTime(f.rectifiedAt) })}
                  </Typography.Text>
                )}
              </div>
              <FindingFiles table={raise.itemsField} code={f.itemCode} raisedAt={f.createdAt} since={sinceOf(f)} />
              <Space wrap align="center">
                <Typography.Text>{t('findingItems.verdict')}</Typography.Text>
                <Radio.Group
                  disabled={disabled}
                  optionType="button"
                  buttonStyle="solid"
                  size="large"
                  value={v?.verdict}
                  onChange={(e) => set(f.itemCode, { verdict: e.target.value as Verdict['verdict'] })}
                  options={[
                    { value: 'accepted', label: t('findingItems.accept') },
                    { value: 'returned', label: t('findingItems.return') },
                  ]}
                  aria-label={`${f.itemCode} ${t('findingItems.verdict')}`}
                />
              </Space>
              {v?.verdict === 'returned' && (
                <Input.TextArea
                  disabled={disabled}
                  rows={2}
                  maxLength={2000}
                  value={v.note ?? ''}
                  onChange={(e) => set(f.itemCode, { note: e.target.value })}
                  placeholder={t('findingItems.returnNotePlaceholder')}
                  aria-label={`${f.itemCode} ${t('findingItems.returnNote')}`}
                  data-testid={`finding-return-note-${f.itemCode}`}
                />
              )}
              {error && (
                <Typography.Text type="danger" data-testid={`finding-error-${f.itemCode}`}>
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
