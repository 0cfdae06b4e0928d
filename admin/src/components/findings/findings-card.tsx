import { Alert, Card, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

import type { FieldDef, InstanceView } from '../../types/contract';
import { FindingFiles } from './finding-files';
import { FindingHead, SeverityName } from './finding-head';
import { raiseConfigOf, rowsByCode, useInstanceFindings } from './findings-context';
import type { RaisedRow } from './raise-findings-input';
import { sinceOf, useInspectorNote } from './rectify-findings-input';

/**
 * 整改清单 on the instance page, for everyone who reads the inspection: each finding with its deadline,
 * status, offline order and notice number, the inspector's description, why it was returned, the school's
 * note and the photos on both sides. Shown when the definition declares a findings field and the ledger
 * holds findings for the instance.
 */
export function FindingsCard({ view, fields }: { view: InstanceView; fields: Map<string, FieldDef> }) {
  const { t } = useTranslation();
  const raiseField = [...fields.values()].find((f) => f.findings?.mode === 'raise');
  const raise = raiseField ? raiseConfigOf(raiseField, fields) : null;
  const findings = useInstanceFindings(raise ? view.id : undefined);
  const inspectorNote = useInspectorNote(raise?.field);
  const all = findings.data?.items ?? [];
  if (!raise) return null;
  if (all.length === 0) return <DraftFindings view={view} raise={raise} />;
  const replyField = [...fields.values()].find(
    (f) => f.findings?.mode === 'rectify' && f.findings.of === raise.field,
  )?.name;
  const replies = rowsByCode<{ code: string; note?: string }>(replyField ? view.data[replyField] : undefined);
  const open = all.filter((f) => f.status === 'open').length;
  // Open first (the to-do), then the closed ones.
  const rows = [...all].sort((a, b) => Number(a.status === 'closed') - Number(b.status === 'closed'));
  return (
    <Card
      size="small"
      style={{ marginBottom: 16 }}
      data-testid="findings-card"
      title={
        <Space wrap size={8}>
          <span>{t('findingItems.listTitle')}</span>
          <Typography.Text type="secondary" style={{ fontWeight: 'normal', fontSize: 13 }}>
            {t('findingItems.listCount', { open, total: all.length })}
          </Typography.Text>
        </Space>
      }
    >
      <Space direction="vertical" style={{ width: '100%' }} size={12}>
        {rows.map((f) => {
          const described = inspectorNote(f.itemCode);
          const reply = replies.get(f.itemCode)?.note;
          return (
            <div
              key={f.id}
              data-testid={`findings-card-${f.itemCode}`}
              style={{
                borderBottom: '1px solid #f0f0f0',
                paddingBottom: 12,
                opacity: f.status === 'closed' ? 0.75 : 1,
              }}
            >
              <Space direction="vertical" style={{ width: '100%' }} size={6}>
                <FindingHead row={f} config={raise} />
                {described && (
                  <Typography.Text type="secondary">
                    {t('findingItems.inspectorNote', { note: described })}
                  </Typography.Text>
                )}
                {f.status === 'open' && f.returnedAt && f.returnNote && !f.rectifiedAt && (
                  <Alert type="warning" showIcon message={t('findingItems.returnedBecause', { note: f.returnNote })} />
                )}
                {reply && (
                  <Typography.Text>
                    {t('findingItems.schoolNote')}：{reply}
                  </Typography.Text>
                )}
                <FindingFiles table={raise.itemsField} code={f.itemCode} raisedAt={f.createdAt} since={sinceOf(f)} />
              </Space>
            </div>
          );
        })}
      </Space>
    </Card>
  );
}

/** Before they are raised, the inspector's saved draft of the findings (暂存): what each will say, no deadline yet. */
function DraftFindings({ view, raise }: { view: InstanceView; raise: NonNullable<ReturnType<typeof raiseConfigOf>> }) {
  const { t } = useTranslation();
  const drafts = [...rowsByCode<RaisedRow>(view.data[raise.field]).values()];
  if (drafts.length === 0) return null;
  const items = rowsByCode<{ code: string; title?: string; layer?: string }>(view.data[raise.itemsField]);
  return (
    <Card size="small" style={{ marginBottom: 16 }} data-testid="findings-draft" title={t('findingItems.draftTitle')}>
      <Space direction="vertical" style={{ width: '100%' }} size={8}>
        {drafts.map((d) => {
          const item = items.get(d.code);
          const rule = raise.severities.find((s) => s.value === d.severity);
          return (
            <Space key={d.code} wrap size={6}>
              <Tag>{d.code}</Tag>
              {item?.title && <Typography.Text strong>{item.title}</Typography.Text>}
              <SeverityName severity={d.severity} config={raise} />
              <Typography.Text type="secondary">
                {[
                  t('findingItems.workdaysValue', { days: d.workdays }),
                  d.offline && rule?.offline ? t('findings.offline') : '',
                  d.noticeNo ? `${t('findings.noticeNo')}：${d.noticeNo}` : '',
                  d.note ?? '',
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </Typography.Text>
            </Space>
          );
        })}
      </Space>
    </Card>
  );
}
