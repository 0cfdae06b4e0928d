import { InputNumber, Space, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

import { ActorRuleInput } from './actor-rule-input';
import type { StateIn } from './model';

type Deadline = NonNullable<Extract<StateIn, { kind: 'task' }>['deadline']>;

/** Deadline in school working days, a reminder some days before, and who it escalates to when missed. */
export function DeadlineEditor({
  value,
  onChange,
}: {
  value: Deadline | undefined;
  onChange: (v: Deadline | undefined) => void;
}) {
  const { t } = useTranslation();
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="designer-deadline">
      <Switch
        checked={!!value}
        aria-label={t('designer.state.deadline')}
        onChange={(on) => onChange(on ? { workdays: 5, remindBefore: 1 } : undefined)}
        checkedChildren={t('designer.deadline.on')}
        unCheckedChildren={t('designer.deadline.off')}
      />
      {value && (
        <>
          <Space wrap>
            <InputNumber
              addonBefore={t('designer.deadline.workdays')}
              addonAfter={t('designer.deadline.days')}
              min={1}
              precision={0}
              value={value.workdays}
              aria-label={t('designer.deadline.workdays')}
              onChange={(v) => onChange({ ...value, workdays: v ?? 1 })}
              data-testid="designer-deadline-workdays"
            />
            <InputNumber
              addonBefore={t('designer.deadline.remindBefore')}
              addonAfter={t('designer.deadline.days')}
              min={0}
              precision={0}
              value={value.remindBefore}
              aria-label={t('designer.deadline.remindBefore')}
              onChange={(v) => onChange({ ...value, remindBefore: v ?? undefined })}
            />
          </Space>
          <Typography.Text type="secondary">{t('designer.deadline.escalateTo')}</Typography.Text>
          <Switch
            size="small"
            checked={!!value.escalateTo}
            aria-label={t('designer.deadline.escalateTo')}
            onChange={(on) =>
              onChange({ ...value, escalateTo: on ? { role: 'bureauReviewer', scope: 'district' } : undefined })
            }
          />
          {value.escalateTo && (
            <ActorRuleInput value={value.escalateTo} onChange={(escalateTo) => onChange({ ...value, escalateTo })} />
          )}
        </>
      )}
    </Space>
  );
}
