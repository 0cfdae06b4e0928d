import { LockOutlined, MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useList } from '@refinedev/core';
import { Button, Form, Select, Space, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';

import type { Org, RoleCode } from '../../types/contract';

export const ROLES: RoleCode[] = [
  'bureauAdmin',
  'bureauReviewer',
  'groupLead',
  'principal',
  'teacher',
  'inspector',
  'expert',
  'outsideDept',
  'securityAdmin',
  'auditor',
];

type Props = {
  /** Roles the signed-in user may grant on this account (三权分立, from the CASL rules); all when absent. */
  grantable?: (role: RoleCode) => boolean;
  /** Why an existing grant cannot be revoked by the signed-in user, or null when it can. */
  lockedReason?: (role: RoleCode) => string | null;
  /** Nothing may change (e.g. one's own roles), with the reason shown. */
  readOnlyReason?: string | null;
};

/** 角色授权: role + the organisation it applies to, one line per grant. */
export function RoleGrantsField({ grantable = () => true, lockedReason = () => null, readOnlyReason = null }: Props) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const { result } = useList<Org>({ resource: 'orgs', pagination: { mode: 'off' } });
  const orgs = (result.data ?? []).map((o) => ({ value: o.id, label: o.name }));
  const options = ROLES.filter(grantable).map((r) => ({ value: r, label: t(`roles.${r}`) }));
  const allOptions = ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }));
  return (
    <Form.List name="roles">
      {(fields, { add, remove }) => (
        <>
          {fields.map((f) => {
            const role = form.getFieldValue(['roles', f.name, 'role']) as RoleCode | undefined;
            // A line that was there when the form opened and that this user may not revoke stays as it is.
            const locked =
              readOnlyReason ??
              (role && form.isFieldTouched(['roles', f.name, 'role']) === false ? lockedReason(role) : null);
            return (
              <Space key={f.key} align="baseline" style={{ display: 'flex' }} data-testid="role-grant-line">
                <Form.Item name={[f.name, 'role']} rules={[{ required: true, message: t('people.roleRequired') }]}>
                  <Select
                    style={{ width: 170 }}
                    placeholder={t('people.role')}
                    options={locked ? allOptions : options}
                    disabled={Boolean(locked)}
                    aria-label={t('people.role')}
                  />
                </Form.Item>
                <Form.Item name={[f.name, 'orgId']} rules={[{ required: true, message: t('people.orgRequired') }]}>
                  <Select
                    style={{ width: 260 }}
                    showSearch
                    optionFilterProp="label"
                    placeholder={t('people.org')}
                    options={orgs}
                    disabled={Boolean(locked)}
                    aria-label={t('people.org')}
                  />
                </Form.Item>
                {locked ? (
                  <Tooltip title={locked}>
                    <LockOutlined aria-label={t('powers.lockedGrant')} />
                  </Tooltip>
                ) : (
                  <MinusCircleOutlined onClick={() => remove(f.name)} aria-label={t('people.removeRole')} />
                )}
              </Space>
            );
          })}
          {readOnlyReason
            ? null
            : options.length > 0 && (
                <Button type="dashed" onClick={() => add()} icon={<PlusOutlined />}>
                  {t('people.addRole')}
                </Button>
              )}
        </>
      )}
    </Form.List>
  );
}
