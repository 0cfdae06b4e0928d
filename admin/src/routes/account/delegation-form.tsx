import { App, Button, DatePicker, Form, Input } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';

import { api, call } from '../../api/client';
import { formLimits } from '../../api/schema.gen';
import { UserPicker } from '../../components/user-picker';
import { districtDayBounds } from '../../config/time';
import { useSubmit } from '../../hooks/use-submit';
import type { Delegation } from './delegation-types';

/** The route's own bounds (generated from its zod schema). */
const REASON = formLimits.CreateDelegationBody.reason;

type Values = { toUserId: string; window: [Dayjs, Dayjs]; reason: string };

/** The server names startsAt/endsAt; the form shows them as one date window. */
const FIELD_OF: Record<string, keyof Values> = {
  toUserId: 'toUserId',
  startsAt: 'window',
  endsAt: 'window',
  reason: 'reason',
};

/** 新建代岗委托: who acts in my stead, for which days, and why. Whole district days, in the district's time zone. */
export function DelegationForm({ meId, onCreated }: { meId: string; onCreated: (d: Delegation) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  // A refusal that names no field (e.g. delegating to oneself) is shown under the delegate.
  const { submit, pending: saving } = useSubmit(
    async ({ toUserId, window, reason }: Values) => {
      const created = await call(
        api.POST('/api/delegations', {
          body: {
            toUserId,
            startsAt: districtDayBounds(window[0]).start ?? '',
            endsAt: districtDayBounds(window[1]).end ?? '',
            reason,
          },
        }),
      );
      form.resetFields();
      void message.success(t('delegationCard.created', { name: created.to.displayName }));
      onCreated(created);
    },
    { form, fieldOf: (name) => FIELD_OF[name] ?? 'reason', fallbackField: 'toUserId' },
  );

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      requiredMark={false}
      onFinish={submit}
      data-testid="delegation-form"
      style={{ maxWidth: 520 }}
    >
      <Form.Item
        name="toUserId"
        label={t('delegationCard.delegate')}
        extra={t('delegationCard.delegateHint')}
        rules={[{ required: true, message: t('delegationCard.delegateRequired') }]}
      >
        <UserPicker exclude={[meId]} placeholder={t('delegationCard.delegatePlaceholder')} />
      </Form.Item>
      <Form.Item
        name="window"
        label={t('delegationCard.window')}
        rules={[{ required: true, message: t('delegationCard.windowRequired') }]}
      >
        <DatePicker.RangePicker style={{ width: '100%' }} data-testid="delegation-window" />
      </Form.Item>
      <Form.Item
        name="reason"
        label={t('delegationCard.reason')}
        rules={[{ required: true, min: REASON.minLength, message: t('delegationCard.reasonRequired') }]}
      >
        <Input.TextArea
          rows={2}
          maxLength={REASON.maxLength}
          showCount
          placeholder={t('delegationCard.reasonPlaceholder')}
        />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={saving} data-testid="delegation-submit">
        {t('delegationCard.submit')}
      </Button>
    </Form>
  );
}
