import { Button, Form, Select, Space } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useList } from '@refinedev/core';
import { useTranslation } from 'react-i18next';
import type { Org, RoleCode } from '../../types/contract';

export const ROLES: RoleCode[] = ['bureauAdmin', 'bureauReviewer', 'groupLead', 'principal', 'teacher', 'inspector', 'expert', 'outsideDept', 'auditor'];

/** 角色授权: role + the organisation it applies to, one line per grant. */
export function RoleGrantsField() {
  const { t } = useTranslation();
  const { result } = useList<Org>({ resource: 'orgs', pagination: { mode: 'off' } });
  const orgs = (result.data ?? []).map((o) => ({ value: o.id, label: o.name }));
  return (
    <Form.List name="roles">
      {(fields, { add, remove }) => (
        <>
          {fields.map((f) => (
            <Space key={f.key} align="baseline" style={{ display: 'flex' }}>
              <Form.Item name={[f.name, 'role']} rules={[{ required: true, message: t('people.roleRequired') }]}>
                <Select style={{ width: 170 }} placeholder={t('people.role')} options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))} aria-label={t('people.role')} />
              </Form.Item>
              <Form.Item name={[f.name, 'orgId']} rules={[{ required: true, message: t('people.orgRequired') }]}>
                <Select style={{ width: 260 }} showSearch optionFilterProp="label" placeholder={t('people.org')} options={orgs} aria-label={t('people.org')} />
              </Form.Item>
              <MinusCircleOutlined onClick={() => remove(f.name)} aria-label={t('people.removeRole')} />
            </Space>
          ))}
          <Button type="dashed" onClick={() => add()} icon={<PlusOutlined />}>
            {t('people.addRole')}
          </Button>
        </>
      )}
    </Form.List>
  );
}
