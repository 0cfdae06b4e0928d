import { useEffect, useState } from 'react';
import { Alert, Form, Input, Modal, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { http, isApiError, ApiError } from '../../providers/http';
import { useLocalize } from '../../components/localized-text';
import { StaleAlert } from '../../components/stale-alert';
import { RoleGrantsField } from './role-grants-field';
import type { DirectoryUser, RoleCode } from '../../types/contract';
import { serverFieldErrors } from '../../lib/server-field-errors';

type Values = { username?: string; displayName: string; password?: string; disabled?: boolean; roles: Array<{ role: RoleCode; orgId: string }> };
const FIELDS = ['username', 'displayName', 'password', 'disabled'] as const;
type Props = { user: DirectoryUser | null; open: boolean; onClose: () => void; onSaved: () => void };

/** 新建/编辑用户: a stale edit (409) shows who won and offers to reload; it never overwrites. */
export function UserFormModal({ user, open, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<ApiError | null>(null);
  const [pending, setPending] = useState(false);
  const [created, setCreated] = useState<{ username: string; password: string } | null>(null);
  const [current, setCurrent] = useState<DirectoryUser | null>(user);

  const fill = (u: DirectoryUser | null) => {
    setCurrent(u);
    form.resetFields();
    if (u) form.setFieldsValue({ displayName: u.displayName, disabled: u.disabled, roles: u.roles.map((r) => ({ role: r.role, orgId: r.orgId })) });
  };
  useEffect(() => {
    if (!open) return;
    setError(null);
    setCreated(null);
    fill(user);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, user]);

  const reload = async () => {
    if (!current) return;
    const page = await http<{ items: DirectoryUser[] }>('/users', { query: { q: current.username, limit: 20 } });
    const fresh = page.items.find((u) => u.id === current.id) ?? null;
    setError(null);
    fill(fresh);
  };

  const submit = async (v: Values) => {
    setPending(true);
    setError(null);
    try {
      if (current) {
        await http(`/users/${current.id}`, { method: 'PATCH', body: { displayName: v.displayName, disabled: v.disabled ?? false, roles: v.roles ?? [], expectedVersion: current.version ?? 1 } });
        onSaved();
        onClose();
      } else {
        const res = await http<DirectoryUser & { password?: string }>('/users', { method: 'POST', body: { username: v.username, displayName: v.displayName, password: v.password || undefined, roles: v.roles ?? [] } });
        onSaved();
        if (res.password) setCreated({ username: res.username, password: res.password });
        else onClose();
      }
    } catch (e) {
      const err = isApiError(e) ? e : new ApiError(0, null);
      setError(err);
      form.setFields(serverFieldErrors(err, localize, FIELDS));
    } finally {
      setPending(false);
    }
  };
  const stale = error?.code === 'VERSION_CONFLICT';
  return (
    <Modal
      open={open}
      title={current ? t('people.edit', { name: current.displayName }) : t('people.create')}
      onCancel={onClose}
      onOk={() => (created ? onClose() : form.submit())}
      okText={created ? t('people.done') : t('buttons.save')}
      okButtonProps={{ loading: pending, disabled: stale }}
      width={640}
      destroyOnHidden
    >
      {stale && <StaleAlert onReload={() => void reload()} />}
      {error && !stale && <Alert type="error" showIcon style={{ marginBottom: 16 }} message={error.localized ? localize(error.localized) : error.message} />}
      {created ? (
        <Alert
          type="success"
          showIcon
          message={t('people.createdTitle', { username: created.username })}
          description={
            <>
              {t('people.createdPassword')} <Typography.Text code copyable data-testid="generated-password">{created.password}</Typography.Text>
            </>
          }
        />
      ) : (
        <Form<Values> form={form} layout="vertical" onFinish={(v) => void submit(v)} disabled={stale}>
          {!current && (
            <Form.Item name="username" label={t('people.username')} rules={[{ required: true, pattern: /^[A-Za-z0-9._-]{3,64}$/, message: t('people.usernameRule') }]}>
              <Input autoComplete="off" />
            </Form.Item>
          )}
          <Form.Item name="displayName" label={t('people.displayName')} rules={[{ required: true, whitespace: true, max: 64, message: t('people.displayNameRule') }]}>
            <Input />
          </Form.Item>
          {!current && (
            <Form.Item name="password" label={t('people.password')} extra={t('people.passwordHint')}>
              <Input.Password autoComplete="new-password" />
            </Form.Item>
          )}
          {current && (
            <Form.Item name="disabled" label={t('people.disabled')} valuePropName="checked">
              <Switch />
            </Form.Item>
          )}
          <Form.Item label={t('people.roles')}>
            <RoleGrantsField />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
