import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { ROLES, SCOPES } from '@eduflow/workflows';
import { Button, Input, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';

import type { ActorRuleIn } from './model';

type Props = { value: ActorRuleIn; onChange: (v: ActorRuleIn) => void; testId?: string };

/** Role + where relative to the instance it must be held (the organisation-scope rule). */
export function ActorRuleInput({ value, onChange, testId }: Props) {
  const { t } = useTranslation();
  return (
    <Space.Compact style={{ width: '100%' }} data-testid={testId}>
      <Select
        style={{ width: '45%' }}
        value={value.role}
        aria-label={t('designer.actor.role')}
        options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
        onChange={(role) => onChange({ ...value, role })}
        data-testid={testId ? `${testId}-role` : undefined}
      />
      <Select
        style={{ width: value.scope === 'listed' ? '30%' : '55%' }}
        value={value.scope}
        aria-label={t('designer.actor.scope')}
        options={SCOPES.map((s) => ({ value: s, label: t(`designer.scopes.${s}`) }))}
        onChange={(scope) => onChange({ ...value, scope })}
        data-testid={testId ? `${testId}-scope` : undefined}
      />
      {value.scope === 'listed' && (
        <Input
          style={{ width: '25%' }}
          placeholder={t('designer.actor.field')}
          aria-label={t('designer.actor.field')}
          value={value.field}
          onChange={(e) => onChange({ ...value, field: e.target.value })}
        />
      )}
    </Space.Compact>
  );
}

/** For the `parts` scope: which collect step, and what a participant's part must say (decision = confirm). */
export function PartsRuleInput({ value, onChange, steps }: Props & { steps: Array<{ value: string; label: string }> }) {
  const { t } = useTranslation();
  if (value.scope !== 'parts') return null;
  const where = value.where ?? { field: '', equals: '' };
  return (
    <Space.Compact style={{ width: '100%', marginTop: 4 }}>
      <Select
        style={{ width: '40%' }}
        placeholder={t('designer.actor.partsStep')}
        aria-label={t('designer.actor.partsStep')}
        value={value.step}
        options={steps}
        onChange={(step) => onChange({ ...value, step })}
      />
      <Input
        style={{ width: '30%' }}
        placeholder={t('designer.actor.partsField')}
        aria-label={t('designer.actor.partsField')}
        value={where.field}
        onChange={(e) => onChange({ ...value, where: { ...where, field: e.target.value } })}
      />
      <Input
        style={{ width: '30%' }}
        placeholder={t('designer.actor.partsEquals')}
        aria-label={t('designer.actor.partsEquals')}
        value={String(where.equals)}
        onChange={(e) => onChange({ ...value, where: { ...where, equals: e.target.value } })}
      />
    </Space.Compact>
  );
}

/** A list of actor rules (anyone matching one of them may act). */
export function ActorRuleList({
  value,
  onChange,
  testId,
  min = 0,
}: {
  value: ActorRuleIn[];
  onChange: (v: ActorRuleIn[]) => void;
  testId?: string;
  min?: number;
}) {
  const { t } = useTranslation();
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {value.map((rule, i) => (
        <Space.Compact key={i} style={{ width: '100%' }}>
          <ActorRuleInput
            value={rule}
            onChange={(r) => onChange(value.map((x, j) => (j === i ? r : x)))}
            testId={testId ? `${testId}-${i}` : undefined}
          />
          <Button
            icon={<DeleteOutlined />}
            disabled={value.length <= min}
            onClick={() => onChange(value.filter((_, j) => j !== i))}
            aria-label={t('designer.remove')}
          />
        </Space.Compact>
      ))}
      <Button
        size="small"
        icon={<PlusOutlined />}
        onClick={() => onChange([...value, { role: 'principal', scope: 'subject.school' }])}
      >
        {t('designer.actor.add')}
      </Button>
    </Space>
  );
}
