import { Alert, App, Button, Form, Input, Modal, Popconfirm, Space, Switch, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { api, call } from '../../api/client';
import { StaleAlert } from '../../components/stale-alert';
import { useSubmit } from '../../hooks/use-submit';
import { accountRights, canCreateAccount, type Reason } from '../../lib/powers';
import { cachedSession } from '../../providers/session';
import type { DirectoryUser, RoleCode } from '../../types/contract';
import { RoleGrantsField } from './role-grants-field';

type Values = {
  username?: string;
  displayName: string;
  password?: string;
  disabled?: boolean;
  roles: Array<{ role: RoleCode; orgId: string }>;
};
const FIELDS = ['username', 'displayName', 'password', 'disabled'] as const;
type Props = { user: DirectoryUser | null; open: boolean; onClose: () => void; onSaved: () => void };

const sameGrants = (a: Values['roles'], b: Values['roles']) => {
  const key = (g: { role: string; orgId: string }) => `${g.role}@${g.orgId}`;
  const left = new Set(a.map(key));
  const right = new Set(b.map(key));
  return left.size === right.size && [...left].every((k) => right.has(k));
};

/**
 * 新建/编辑用户: a stale edit (409) shows who won and offers to reload; it never overwrites. What the
 * signed-in user may not change (三权分立: privileged accounts, the powers' roles, one's own roles) is
 * locked with the reason; only what changed is sent.
 */
export function UserFormModal({ user, open, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  // Saving and the two resets share one in-flight state and one refusal (a reset answers 409 like a save).
  const {
    submit: send,
    pending,
    error,
    errorText,
    clearError,
  } = useSubmit((job: () => Promise<void>) => job(), {
    form,
    fields: FIELDS,
  });
  const [created, setCreated] = useState<{ username: string; password: string } | null>(null);
  const [current, setCurrent] = useState<DirectoryUser | null>(user);
  const session = cachedSession();
  const meId = session?.me.user.id ?? '';
  const rights = session ? accountRights(session.ability, meId, current) : null;
  const reason = (r: Reason) => (r ? t(r.key, { role: r.role ? t(`roles.${r.role}`) : '' }) : null);
  const self = current?.id === meId;

  const fill = (u: DirectoryUser | null) => {
    setCurrent(u);
    form.resetFields();
    if (u)
      form.setFieldsValue({
        displayName: u.displayName,
        disabled: u.disabled,
        roles: u.roles.map((r) => ({ role: r.role, orgId: r.orgId })),
      });
  };
  useEffect(() => {
    if (!open) return;
    clearError();
    setCreated(null);
    fill(user);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, user]);

  const reload = async () => {
    if (!current) return;
    const page = await call(api.GET('/api/users', { params: { query: { q: current.username, limit: 20 } } }));
    const fresh = page.items.find((u) => u.id === current.id) ?? null;
    clearError();
    fill(fresh);
  };

  const submit = (v: Values) =>
    send(async () => {
      if (current) {
        const roles = v.roles ?? [];
        const before = current.roles.map((r) => ({ role: r.role, orgId: r.orgId }));
        const body = {
          ...(v.displayName !== current.displayName ? { displayName: v.displayName } : {}),
          ...((v.disabled ?? false) !== current.disabled ? { disabled: v.disabled ?? false } : {}),
          ...(sameGrants(roles, before) ? {} : { roles }),
          expectedVersion: current.version ?? 1,
        };
        await call(api.PATCH('/api/users/{id}', { params: { path: { id: current.id } }, body }));
        onSaved();
        onClose();
      } else {
        const res = await call(
          api.POST('/api/users', {
            body: {
              username: v.username ?? '',
              displayName: v.displayName,
              password: v.password || undefined,
              roles: v.roles ?? [],
            },
          }),
        );
        onSaved();
        if (res.password) setCreated({ username: res.username, password: res.password });
        else onClose();
      }
    });

  const reset = (what: 'resetPassword' | 'resetTwoFactor') =>
    send(async () => {
      if (!current) return;
      const res = await call(
        api.PATCH('/api/users/{id}', {
          params: { path: { id: current.id } },
          body: { [what]: true, expectedVersion: current.version ?? 1 },
        }),
      );
      setCurrent(res);
      onSaved();
      if (res.password) setCreated({ username: res.username, password: res.password });
      else void message.success(t('powers.resetDone'));
    });

  const stale = error?.code === 'VERSION_CONFLICT';
  const accountLocked = current && rights && !rights.editAccount ? reason(rights.accountReason) : null;
  return (
    <Modal
      open={open}
      title={current ? t('people.edit', { name: current.displayName }) : t('people.create')}
      onCancel={onClose}
      onOk={() => (created ? onClose() : form.submit())}
      okText={created ? t('people.done') : t('buttons.save')}
      okButtonProps={{ loading: pending, disabled: stale }}
      width={680}
      destroyOnHidden
    >
      {stale && <StaleAlert onReload={() => void reload()} />}
      {error && !stale && (
        <Alert type="error" showIcon style={{ marginBottom: 16 }} message={errorText} data-testid="user-form-error" />
      )}
      {created ? (
        <Alert
          type="success"
          showIcon
          message={
            current
              ? t('powers.resetTitle', { username: created.username })
              : t('people.createdTitle', { username: created.username })
          }
          description={
            <>
              {current ? t('powers.oneTimePassword') : t('people.createdPassword')}{' '}
              <Typography.Text code copyable data-testid="generated-password">
                {created.password}
              </Typography.Text>
            </>
          }
        />
      ) : (
        <Form<Values> form={form} layout="vertical" onFinish={(v) => void submit(v)} disabled={stale}>
          {accountLocked && (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 16 }}
              message={accountLocked}
              data-testid="account-locked"
            />
          )}
          {!current && (
            <Form.Item
              name="username"
              label={t('people.username')}
              rules={[{ required: true, pattern: /^[A-Za-z0-9._-]{3,64}$/, message: t('people.usernameRule') }]}
            >
              <Input autoComplete="off" />
            </Form.Item>
          )}
          <Form.Item
            name="displayName"
            label={t('people.displayName')}
            rules={[{ required: true, whitespace: true, max: 64, message: t('people.displayNameRule') }]}
          >
            <Input disabled={Boolean(accountLocked)} />
          </Form.Item>
          {!current && (
            <Form.Item name="password" label={t('people.password')} extra={t('people.passwordHint')}>
              <Input.Password autoComplete="new-password" />
            </Form.Item>
          )}
          {current && (
            <Form.Item name="disabled" label={t('people.disabled')} valuePropName="checked">
              <Switch disabled={Boolean(accountLocked) || self} />
            </Form.Item>
          )}
          <Form.Item
            label={t('people.roles')}
            extra={
              !current && session && !canCreateAccount(session.ability, false)
                ? t('powers.createHint')
                : t('powers.onePower')
            }
          >
            <RoleGrantsField
              grantable={(role) => rights?.grant(role) ?? true}
              lockedReason={(role) => (rights ? reason(rights.grantReason(role)) : null)}
              readOnlyReason={self ? t('powers.ownRoles') : null}
            />
          </Form.Item>
          {current && rights?.editAccount && !self && (
            <Space wrap>
              <Popconfirm
                title={t('powers.resetPasswordConfirm', { name: current.displayName })}
                onConfirm={() => void reset('resetPassword')}
              >
                <Button data-testid="reset-password">{t('powers.resetPassword')}</Button>
              </Popconfirm>
              {current.twoFactor && (
                <Popconfirm
                  title={t('powers.resetTwoFactorConfirm', { name: current.displayName })}
                  onConfirm={() => void reset('resetTwoFactor')}
                >
                  <Button data-testid="reset-two-factor">{t('powers.resetTwoFactor')}</Button>
                </Popconfirm>
              )}
            </Space>
          )}
        </Form>
      )}
    </Modal>
  );
}
