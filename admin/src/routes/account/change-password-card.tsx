import { App, Button, Card, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';

import { api, call } from '../../api/client';
import { useSubmit } from '../../hooks/use-submit';
import { loadSession } from '../../providers/session';

type Values = { currentPassword: string; newPassword: string; confirm: string };

/** The server's policy (api/src/auth/password-policy.ts), shown before the user types. */
const RULES = ['length', 'classes', 'username', 'common', 'history'] as const;

/** Change one's own password; the server's policy and "wrong current password" land on the right fields. */
export function ChangePasswordCard({ onChanged }: { onChanged: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const required = { required: true, message: t('account.password.required') };

  // A refusal that names neither field (locked, throttled) is shown under the current password.
  const { submit, pending: saving } = useSubmit(
    async ({ currentPassword, newPassword }: Values) => {
      await call(api.POST('/api/auth/change-password', { body: { currentPassword, newPassword } }));
      await loadSession(true);
      form.resetFields();
      void message.success(t('account.password.done'));
      onChanged();
    },
    {
      form,
      fields: ['currentPassword', 'newPassword'],
      fallbackField: 'currentPassword',
    },
  );

  return (
    <Card title={t('account.password.title')} style={{ maxWidth: 520 }}>
      <Form<Values> form={form} layout="vertical" requiredMark={false} onFinish={submit}>
        <Form.Item name="currentPassword" label={t('account.password.current')} rules={[required]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t('account.password.new')}
          extra={
            <div data-testid="password-rules">
              {t('account.password.rulesTitle')}
              <ul style={{ margin: '4px 0 8px', paddingInlineStart: 20 }}>
                {RULES.map((rule) => (
                  <li key={rule}>{t(`account.password.rules.${rule}`)}</li>
                ))}
              </ul>
            </div>
          }
          rules={[required]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('account.password.confirm')}
          dependencies={['newPassword']}
          rules={[
            required,
            ({ getFieldValue }) => ({
              validator: (_, v) =>
                !v || v === getFieldValue('newPassword')
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('account.password.mismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={saving}>
          {t('account.password.submit')}
        </Button>
      </Form>
    </Card>
  );
}
