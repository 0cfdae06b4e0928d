import { DownloadOutlined, EyeOutlined, PaperClipOutlined, RollbackOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Collapse, Descriptions, Grid, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

import { formatDateTime } from '../../../components/date-text';
import { FieldValue } from '../../../components/field-value';
import { formatSize } from '../../../components/file-size';
import { useLocalize } from '../../../components/localized-text';
import type { Attachment, AvailableEvent, FieldDef, InstanceView, Part, PartStep } from '../../../types/contract';
import { fallbackField } from './field-catalogue';

const STATUS_COLOR: Record<Part['status'], string> = { pending: 'default', submitted: 'success', returned: 'error' };

/** How a part is called: its school, else its author. */
export const partName = (p: Part, unknown: string) => p.orgName ?? (p.person || unknown);

/** The names of the parts a RETURN_PART may send back, for its picker. */
export function partNames(view: InstanceView, unknown: string): Record<string, string> {
  return Object.fromEntries((view.parts ?? []).flatMap((s) => s.parts.map((p) => [p.userId, partName(p, unknown)])));
}

/** A file's row key (`<table>.<key>`) named by the row holding that key: its first other text column (指标名称). */
function rowLabel(field: string | null | undefined, data: Record<string, unknown>, fields: FieldDef[]): string | null {
  const dot = field?.indexOf('.') ?? -1;
  if (!field || dot <= 0) return null;
  const [table, key] = [field.slice(0, dot), field.slice(dot + 1)];
  const rows = data[table];
  const row = Array.isArray(rows)
    ? (rows as Array<Record<string, unknown>>).find((r) => Object.values(r).includes(key))
    : undefined;
  const columns = fields.find((f) => f.name === table)?.columns ?? [];
  const name = row && columns.map((c) => row[c.name]).find((v) => typeof v === 'string' && v !== '' && v !== key);
  return typeof name === 'string' ? name : key;
}

function PartFiles({
  files,
  data,
  fields,
}: {
  files: Attachment[];
  data: Record<string, unknown>;
  fields: FieldDef[];
}) {
  const { t, i18n } = useTranslation();
  if (files.length === 0) return <Typography.Text type="secondary">{t('parts.noFiles')}</Typography.Text>;
  const inline = (url: string) => `${url}${url.includes('?') ? '&' : '?'}inline=1`;
  return (
    <Space direction="vertical" size={4} style={{ width: '100%' }} data-testid="part-files">
      {files.map((f) => (
        <div
          key={f.id}
          style={{ display: 'flex', gap: 8, alignItems: 'center', flexWrap: 'wrap' }}
          data-testid="part-file"
        >
          <PaperClipOutlined />
          <Tag bordered={false}>{rowLabel(f.field, data, fields) ?? t('parts.general')}</Tag>
          <Typography.Text>{f.name}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {formatSize(f.size, i18n.language)} · SHA-256 {f.sha256.slice(0, 12)}…
          </Typography.Text>
          {(f.mime.startsWith('image/') || f.mime === 'application/pdf') && (
            <Button type="link" size="small" icon={<EyeOutlined />} href={inline(f.url)} target="_blank" rel="noopener">
              {t('attachments.preview')}
            </Button>
          )}
          <Button type="link" size="small" icon={<DownloadOutlined />} href={f.url}>
            {t('attachments.download')}
          </Button>
        </div>
      ))}
    </Space>
  );
}

type Row = Record<string, unknown>;
/**
 * A part's table rows as the step offered them: parts store what their authors filled (an indicator's key
 * and score), the step's starting rows add the indicator's name. For showing only — resubmitting sends what was stored.
 */
function withRowNames(data: Row, start: PartStep['rows']): Row {
  const rows = start ? data[start.field] : undefined;
  if (!start || !Array.isArray(rows)) return data;
  const named = (rows as Row[]).map((r) => {
    const from = start.rows.find(
      (p) =>
        Object.entries(p).some(([k, v]) => r[k] === v) && Object.entries(p).every(([k, v]) => !(k in r) || r[k] === v),
    );
    return from ? { ...from, ...r } : r;
  });
  return { ...data, [start.field]: named };
}

/** A table's file columns show the names of the files attached to each row (`<table>.<row key>`). */
function withRowFiles(field: FieldDef, value: unknown, files: Attachment[]): unknown {
  const fileColumns = (field.columns ?? []).filter((c) => c.type === 'file').map((c) => c.name);
  if (field.type !== 'table' || !Array.isArray(value) || fileColumns.length === 0) return value;
  return (value as Array<Record<string, unknown>>).map((row) => {
    const names = files
      .filter((f) => Object.values(row).some((v) => typeof v === 'string' && f.field === `${field.name}.${v}`))
      .map((f) => f.name);
    return names.length ? { ...row, ...Object.fromEntries(fileColumns.map((c) => [c, names.join('、')])) } : row;
  });
}

/** What one school handed in: the step's fields in the form's order, then its evidence. */
function PartBody({ part, fields, showReason }: { part: Part; fields: FieldDef[]; showReason: boolean }) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const shown = fields.filter((f) => f.name in part.data);
  const wide = Grid.useBreakpoint().md ?? true;
  const items = [
    ...shown.map((f) => ({
      key: f.name,
      label: localize(f.label),
      value: (
        <span data-testid={`part-field-${f.name}`}>
          <FieldValue field={f} value={withRowFiles(f, part.data[f.name], part.files)} />
        </span>
      ),
    })),
    {
      key: '__files',
      label: t('parts.evidence'),
      value: <PartFiles files={part.files} data={part.data} fields={fields} />,
    },
  ];
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 12, minWidth: 0 }}>
      {showReason && part.status === 'returned' && part.returnReason && (
        <Alert
          type="warning"
          showIcon
          message={t('parts.returnedAlert', { reason: part.returnReason })}
          data-testid="part-return-reason"
        />
      )}
      {shown.length === 0 ? (
        <Typography.Text type="secondary">{t('parts.pendingBody')}</Typography.Text>
      ) : wide ? (
        <Descriptions bordered size="small" column={1} styles={{ label: { width: 120 } }}>
          {items.map((i) => (
            <Descriptions.Item key={i.key} label={i.label}>
              {i.value}
            </Descriptions.Item>
          ))}
        </Descriptions>
      ) : (
        // On a phone a label beside its value wraps one character per line, and a table inside a table cell overflows.
        items.map((i) => (
          <div key={i.key} style={{ minWidth: 0 }}>
            <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 4 }}>
              {i.label}
            </Typography.Text>
            {i.value}
          </div>
        ))
      )}
    </div>
  );
}

type Props = {
  view: InstanceView;
  fields: Map<string, FieldDef>;
  /** The form fields of each step, in their order (from the definition). */
  stepFields: (step: string) => FieldDef[];
  onReturn: (event: AvailableEvent, userId: string) => void;
};

/**
 * 各单位填报: each collect step's parts, one panel per school — its status, when it came in, how often it
 * was returned and why, its self-scores and evidence. The collector returns one named school's part
 * from its panel (the engine's RETURN_PART, offered only for submitted parts); a school sees its own.
 */
export function CollectParts({ view, fields, stepFields, onReturn }: Props) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const returnEvent = view.availableEvents.find((e) => e.input === 'part');
  const steps = [...(view.parts ?? [])].sort((a, b) => Number(b.current) - Number(a.current));
  if (steps.length === 0) return null;
  const unknown = t('parts.unknownOrg');
  const section = (s: PartStep) => {
    const submitted = s.parts.filter((p) => p.status === 'submitted');
    const missing = s.parts.filter((p) => p.status !== 'submitted');
    const own = s.scope === 'own';
    const mine = own ? s.parts[0] : undefined;
    const formFields = stepFields(s.step);
    const list = formFields.length
      ? formFields
      : Object.keys(s.parts[0]?.data ?? {}).map((n) => fields.get(n) ?? fallbackField(n));
    const submitLabel = view.availableEvents.find((e) => e.type === 'SUBMIT_PART');
    return (
      <Card
        key={s.step}
        size="small"
        style={{ marginBottom: 16 }}
        data-testid="collect-parts"
        data-step={s.step}
        title={t(own ? 'parts.titleOwn' : 'parts.titleAll', { step: localize(s.stepName) })}
        extra={
          !own && (
            <Typography.Text type="secondary" data-testid="parts-progress">
              {t('parts.progress', { submitted: submitted.length, total: s.parts.length })}
            </Typography.Text>
          )
        }
      >
        {mine?.status === 'returned' && s.current && (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 12 }}
            data-testid="own-part-returned"
            message={t('parts.ownReturned')}
            description={
              <Space direction="vertical" size={2}>
                <Typography.Text strong>{mine.returnReason}</Typography.Text>
                {submitLabel && (
                  <Typography.Text type="secondary">
                    {t('parts.ownReturnedHint', { action: localize(submitLabel.label) })}
                  </Typography.Text>
                )}
              </Space>
            }
          />
        )}
        {!own && s.current && (
          <Alert
            type={missing.length ? 'warning' : 'success'}
            showIcon
            style={{ marginBottom: 12 }}
            data-testid="parts-missing"
            message={
              missing.length
                ? t('parts.missing', {
                    count: missing.length,
                    names: missing
                      .map((p) =>
                        t('parts.missingItem', { name: partName(p, unknown), status: t(`parts.status.${p.status}`) }),
                      )
                      .join(t('parts.separator')),
                  })
                : t('parts.allIn')
            }
          />
        )}
        <Collapse
          size="small"
          // The school's name and status toggle the panel; the 退回 button beside them is not inside a button.
          collapsible="header"
          defaultActiveKey={own ? s.parts.map((p) => p.userId) : []}
          items={s.parts.map((p) => ({
            key: p.userId,
            label: (
              <Space wrap size={[8, 2]} data-testid="part-header" data-user={p.userId}>
                <Typography.Text strong>{partName(p, unknown)}</Typography.Text>
                <Tag color={STATUS_COLOR[p.status]} data-testid="part-status">
                  {t(`parts.status.${p.status}`)}
                </Tag>
                {p.person && <Typography.Text type="secondary">{p.person}</Typography.Text>}
                {p.submittedAt && (
                  <Typography.Text type="secondary">
                    {t('parts.submittedAt', { at: formatDateTime(p.submittedAt) })}
                  </Typography.Text>
                )}
                {p.returns > 0 && (
                  <Typography.Text type="secondary">{t('parts.returnedTimes', { count: p.returns })}</Typography.Text>
                )}
                {!own && p.status === 'returned' && p.returnReason && (
                  <Typography.Text type="danger" ellipsis={{ tooltip: p.returnReason }} style={{ maxWidth: 320 }}>
                    {t('parts.returnedAlert', { reason: p.returnReason })}
                  </Typography.Text>
                )}
                {p.status !== 'pending' && (
                  <Typography.Text type="secondary">{t('parts.files', { count: p.files.length })}</Typography.Text>
                )}
              </Space>
            ),
            extra:
              s.current && returnEvent?.users?.includes(p.userId) ? (
                <Button
                  size="small"
                  danger
                  icon={<RollbackOutlined />}
                  data-testid="part-return"
                  onClick={(e) => {
                    e.stopPropagation();
                    onReturn(returnEvent, p.userId);
                  }}
                >
                  {t('parts.return')}
                </Button>
              ) : undefined,
            // A school's own returned part says why once, at the top of the card.
            children: <PartBody part={{ ...p, data: withRowNames(p.data, s.rows) }} fields={list} showReason={!own} />,
          }))}
        />
      </Card>
    );
  };
  return <div data-testid="parts-section">{steps.map(section)}</div>;
}
