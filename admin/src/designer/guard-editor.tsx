import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { GUARDS, isGuardName, type TLocalizedText } from '@eduflow/workflows';
import { Button, Card, Input, InputNumber, Select, Space, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

import { useLocalize } from '../components/localized-text';
import { LocalizedInput } from './localized-input';

type GuardRef = { name: string; params?: Record<string, unknown>; message?: TLocalizedText };
type Prop = { type?: string; enum?: unknown[]; anyOf?: unknown[]; default?: unknown };

const isProp = (v: unknown): v is Prop => typeof v === 'object' && v !== null;

/** The JSON Schema of a guard's zod `params`: the designer renders one control per property. */
function paramSchema(name: string): { properties: Record<string, Prop>; required: string[] } {
  if (!isGuardName(name)) return { properties: {}, required: [] };
  const schema = GUARDS[name].params.toJSONSchema({ io: 'input' });
  const props = 'properties' in schema && isProp(schema.properties) ? schema.properties : {};
  const properties = Object.fromEntries(Object.entries(props).filter((e): e is [string, Prop] => isProp(e[1])));
  const required =
    'required' in schema && Array.isArray(schema.required)
      ? schema.required.filter((x): x is string => typeof x === 'string')
      : [];
  return { properties, required };
}

function ParamInput({
  prop,
  label,
  value,
  onChange,
}: {
  prop: Prop;
  /** The parameter's name shown above the control: what a screen reader calls the control. */
  label: string;
  value: unknown;
  onChange: (v: unknown) => void;
}) {
  if (prop.enum)
    return (
      <Select
        style={{ width: '100%' }}
        aria-label={label}
        value={value}
        options={prop.enum.map((v) => ({ value: String(v), label: String(v) }))}
        onChange={onChange}
      />
    );
  if (prop.type === 'number' || prop.type === 'integer')
    return (
      <InputNumber
        style={{ width: '100%' }}
        aria-label={label}
        value={typeof value === 'number' ? value : null}
        precision={prop.type === 'integer' ? 0 : undefined}
        onChange={(v) => onChange(v ?? undefined)}
      />
    );
  if (prop.type === 'boolean') return <Switch aria-label={label} checked={value === true} onChange={onChange} />;
  // Strings, and values that may be a string, a number or a yes/no (compared with the field's value).
  const text = value === undefined ? '' : String(value);
  return (
    <Input
      aria-label={label}
      value={text}
      placeholder={prop.default !== undefined ? String(prop.default) : undefined}
      onChange={(e) => {
        const v = e.target.value;
        if (prop.anyOf && /^-?\d+(\.\d+)?$/.test(v)) onChange(Number(v));
        else if (prop.anyOf && (v === 'true' || v === 'false')) onChange(v === 'true');
        else onChange(v === '' ? undefined : v);
      }}
    />
  );
}

/** Guards picked from the closed registry, each with a form for its parameters. */
export function GuardEditor({
  value,
  onChange,
  testId,
}: {
  value: GuardRef[];
  onChange: (v: GuardRef[]) => void;
  testId?: string;
}) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const options = Object.entries(GUARDS).map(([name, g]) => ({ value: name, label: `${localize(g.label)} (${name})` }));
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid={testId}>
      {value.map((g, i) => {
        const { properties, required } = paramSchema(g.name);
        const set = (next: GuardRef) => onChange(value.map((x, j) => (j === i ? next : x)));
        return (
          <Card
            key={i}
            size="small"
            extra={
              <Button
                size="small"
                type="text"
                icon={<DeleteOutlined />}
                onClick={() => onChange(value.filter((_, j) => j !== i))}
                aria-label={t('designer.remove')}
              />
            }
            title={
              <Select
                style={{ width: 260 }}
                aria-label={t('designer.guards.name')}
                value={g.name}
                options={options}
                onChange={(name) => set({ name })}
              />
            }
          >
            {Object.keys(properties).length === 0 && (
              <Typography.Text type="secondary">{t('designer.guards.noParams')}</Typography.Text>
            )}
            {Object.entries(properties).map(([key, prop]) => (
              <div key={key} style={{ marginBottom: 6 }}>
                <Typography.Text>
                  {t(`designer.guards.param.${key}`, { defaultValue: key })}
                  {required.includes(key) && prop.default === undefined ? (
                    <Typography.Text type="danger"> *</Typography.Text>
                  ) : null}
                </Typography.Text>
                <ParamInput
                  prop={prop}
                  label={t(`designer.guards.param.${key}`, { defaultValue: key })}
                  value={g.params?.[key]}
                  onChange={(v) => set({ ...g, params: { ...g.params, [key]: v } })}
                />
              </div>
            ))}
            {/* The definition's own words for a refusal: what the requester reads on the page, in 办理记录 and the notice. */}
            <div style={{ marginTop: 6 }}>
              <Typography.Text>{t('designer.guards.message')}</Typography.Text>
              <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                {t('designer.guards.messageHint')}
              </Typography.Text>
              <LocalizedInput
                label={t('designer.guards.message')}
                value={g.message}
                testId={`${testId ?? 'guard'}-message-${i}`}
                onChange={(m) => {
                  const { message: _drop, ...rest } = g;
                  set(m['zh-CN'] || m.en ? { ...rest, message: m } : rest);
                }}
              />
            </div>
          </Card>
        );
      })}
      <Button
        size="small"
        icon={<PlusOutlined />}
        onClick={() => onChange([...value, { name: 'fieldFilled', params: {} }])}
      >
        {t('designer.guards.add')}
      </Button>
    </Space>
  );
}
