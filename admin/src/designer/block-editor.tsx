import { AppstoreAddOutlined, DeleteOutlined } from '@ant-design/icons';
import {
  BLOCK_NAMES,
  BLOCK_POINT_LABELS,
  type BlockParamSpec,
  blockParamSpecs,
  BLOCKS,
  type BlockSite,
  isBlockName,
} from '@eduflow/workflows';
import { Alert, Button, Card, Checkbox, Input, InputNumber, Select, Space, Switch, Tag, theme, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

import { useLocalize } from '../components/localized-text';
import { allFieldsOf, type Doc } from './model';

export type BlockRef = { name: string; params?: Record<string, unknown> };

/** The blocks the registry allows at this place (the start, a step of this kind, an action). */
export function allowedAt(doc: Doc, site: BlockSite) {
  const kind = site.at === 'start' ? null : doc.states[site.state]?.kind;
  return BLOCK_NAMES.filter((n) => {
    const spec = BLOCKS[n];
    const kinds: readonly string[] | undefined = 'stepKinds' in spec ? spec.stepKinds : undefined;
    return (
      (spec.sites as readonly string[]).includes(site.at) &&
      (site.at !== 'step' || !kinds || kinds.includes(kind ?? ''))
    );
  });
}

function ParamControl({
  doc,
  spec,
  label,
  value,
  onChange,
}: {
  doc: Doc;
  spec: BlockParamSpec;
  /** The parameter's name shown above the control: what a screen reader calls the control. */
  label: string;
  value: unknown;
  onChange: (v: unknown) => void;
}) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const placeholder = spec.default !== undefined && !Array.isArray(spec.default) ? String(spec.default) : undefined;
  switch (spec.kind) {
    case 'field':
    case 'fields': {
      const options = allFieldsOf(doc).map(({ field }) => ({
        value: field.name,
        label: `${localize(field.label)} (${field.name})`,
      }));
      return spec.kind === 'field' ? (
        <Select
          style={{ width: '100%' }}
          aria-label={label}
          allowClear={!spec.required}
          showSearch
          optionFilterProp="label"
          value={value ?? undefined}
          placeholder={placeholder}
          options={options}
          onChange={(v) => onChange(v ?? undefined)}
        />
      ) : (
        <Select
          mode="multiple"
          style={{ width: '100%' }}
          aria-label={label}
          value={Array.isArray(value) ? value : ((spec.default as string[] | undefined) ?? [])}
          options={options}
          onChange={onChange}
        />
      );
    }
    case 'step': {
      const options = Object.entries(doc.states).map(([id, s]) => ({
        value: id,
        label: `${localize(s.name)} (${id}) · ${t(`designer.kinds.${s.kind}`)}`,
      }));
      return (
        <Select
          style={{ width: '100%' }}
          aria-label={label}
          value={value ?? undefined}
          options={options}
          placeholder={t('designer.blocks.pickStep')}
          onChange={onChange}
        />
      );
    }
    case 'enums':
      return (
        <Checkbox.Group
          value={Array.isArray(value) ? value : ((spec.default as string[] | undefined) ?? [])}
          options={(spec.options ?? []).map((o) => ({
            value: o,
            label: t(`designer.blocks.options.${o}`, { defaultValue: o }),
          }))}
          onChange={onChange}
        />
      );
    case 'enum':
      return (
        <Select
          style={{ width: '100%' }}
          aria-label={label}
          value={value ?? undefined}
          options={(spec.options ?? []).map((o) => ({
            value: o,
            label: t(`designer.blocks.options.${o}`, { defaultValue: o }),
          }))}
          onChange={onChange}
        />
      );
    case 'number':
    case 'integer':
      return (
        <InputNumber
          style={{ width: '100%' }}
          aria-label={label}
          value={typeof value === 'number' ? value : null}
          placeholder={placeholder}
          precision={spec.kind === 'integer' ? 0 : undefined}
          onChange={(v) => onChange(v ?? undefined)}
        />
      );
    case 'boolean':
      return <Switch aria-label={label} checked={value === true} onChange={onChange} />;
    default:
      return (
        <Input
          aria-label={label}
          value={typeof value === 'string' ? value : ''}
          placeholder={placeholder}
          onChange={(e) => onChange(e.target.value || undefined)}
        />
      );
  }
}

/**
 * Domain blocks placed on the start, a step or an action: picked from the closed registry, each with
 * its help, where it runs, and a form for its parameters (fields and steps chosen from this definition).
 */
export function BlockEditor({
  doc,
  site,
  value,
  onChange,
  testId,
}: {
  doc: Doc;
  site: BlockSite;
  value: BlockRef[];
  onChange: (v: BlockRef[]) => void;
  testId?: string;
}) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const { token } = theme.useToken();
  const allowed = allowedAt(doc, site);
  const firstCollect = Object.entries(doc.states).find(([, s]) => s.kind === 'collect')?.[0];
  const add = (name: string) => {
    // Required step parameters start at the definition's first collect step, where scores and parts come from.
    const params = Object.fromEntries(
      blockParamSpecs(name).flatMap((p) =>
        p.kind === 'step' && p.required && firstCollect
          ? [[p.key, firstCollect]]
          : p.required && p.options
            ? [[p.key, p.options[0]]]
            : [],
      ),
    );
    onChange([...value, { name, params }]);
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid={testId}>
      {value.map((b, i) => {
        const set = (next: BlockRef) => onChange(value.map((x, j) => (j === i ? next : x)));
        const spec = isBlockName(b.name) ? BLOCKS[b.name] : null;
        return (
          <Card
            key={`${b.name}-${i}`}
            size="small"
            data-testid={`block-${b.name}`}
            title={spec ? localize(spec.label) : b.name}
            extra={
              <Button
                size="small"
                type="text"
                icon={<DeleteOutlined />}
                onClick={() => onChange(value.filter((_, j) => j !== i))}
                aria-label={t('designer.remove')}
              />
            }
          >
            {!spec && <Alert type="error" showIcon message={t('designer.blocks.unknown', { name: b.name })} />}
            {spec && (
              <>
                <Space size={4} wrap style={{ marginBottom: 6 }}>
                  {spec.points.map((p) => (
                    <Tag key={p} color="geekblue">
                      {localize(BLOCK_POINT_LABELS[p])}
                    </Tag>
                  ))}
                </Space>
                <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
                  {localize(spec.help)}
                </Typography.Paragraph>
                {blockParamSpecs(b.name).map((p) => (
                  <div key={p.key} style={{ marginBottom: 6 }} data-testid={`block-param-${p.key}`}>
                    <Typography.Text>
                      {t(`designer.blocks.param.${p.key}`, { defaultValue: p.key })}
                      {p.required ? <Typography.Text type="danger"> *</Typography.Text> : null}
                    </Typography.Text>
                    <ParamControl
                      doc={doc}
                      spec={p}
                      label={t(`designer.blocks.param.${p.key}`, { defaultValue: p.key })}
                      value={b.params?.[p.key]}
                      onChange={(v) => set({ ...b, params: { ...b.params, [p.key]: v } })}
                    />
                  </div>
                ))}
              </>
            )}
          </Card>
        );
      })}
      {allowed.length > 0 ? (
        <Select
          style={{ width: '100%' }}
          value={null}
          aria-label={t('designer.blocks.add')}
          placeholder={
            // A prompt to act on, not a hint: written at 4.5:1 (antd's placeholder grey is 1.8:1).
            <span style={{ color: token.colorTextSecondary }}>
              <AppstoreAddOutlined /> {t('designer.blocks.add')}
            </span>
          }
          options={allowed.map((n) => ({ value: n, label: localize(BLOCKS[n].label) }))}
          onChange={(n: string | null) => n && add(n)}
          data-testid={testId ? `${testId}-add` : undefined}
        />
      ) : (
        <Typography.Text type="secondary">{t('designer.blocks.noneHere')}</Typography.Text>
      )}
    </Space>
  );
}
